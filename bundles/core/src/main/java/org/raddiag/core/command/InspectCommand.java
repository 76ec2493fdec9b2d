package org.raddiag.core.command;

import com.google.gson.GsonBuilder;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.raddiag.api.cli.Command;
import org.raddiag.api.data.Modality;
import org.raddiag.api.io.ReadException;
import org.raddiag.api.io.ReadOptions;
import org.raddiag.core.cases.CaseLocator;
import org.raddiag.core.cases.LoadedCase;
import org.raddiag.core.cases.NpyKeySlices;
import org.raddiag.core.cases.Rp3dCaseFile;
import org.raddiag.core.io.ReaderRegistry;
import org.raddiag.core.io.TrackedScanFiles;
import org.raddiag.support.cli.CommandSyntax;
import org.raddiag.support.cli.ParsedArgs;
import org.raddiag.support.cli.SyntaxCommand;

/**
 * {@code inspect PATH [--json] [--case ID] [--modality M] [--level articles|icd10s]}: what the readers make of a
 * file, a DICOM folder, a case folder or an RP3D case file. Per scan: reader, modality, plane, shape, spacing,
 * orientation, value statistics after rescale and warnings; per file that could not be read: the error. Exit 1
 * when some file could not be read.
 */
@Component(service = Command.class, property = {SyntaxCommand.COMMAND_KIND, SyntaxCommand.COMMAND_NAME + "inspect"},
        reference = {@Reference(name = CommandServices.READERS, service = ReaderRegistry.class)})
public final class InspectCommand extends SyntaxCommand {
    static final CommandSyntax SYNTAX = CommandSyntax.command("inspect",
            "What the readers make of a file, a DICOM folder, a case folder or an RP3D case file;"
            + " exit 1 if a file could not be read.")
            .jsonFlag()
            .option("case", "ID", "only this case of an RP3D case file")
            .option("modality", "M", "modality hint for files that do not say (CT, MRI, XRAY, ...)")
            .option("level", "LEVEL", "label level of an RP3D case file: articles or icd10s", Rp3dCaseFile.ARTICLES)
            .positional("PATH", "file, series folder, case folder or RP3D case file (.json)")
            .build();

    public InspectCommand() {
        super(SYNTAX, "what the readers make of a file, series folder, case folder or RP3D case file", false);
    }

    private final CommandServices services = new CommandServices();

    @Activate
    void activate(ComponentContext cc) {
        services.activate(cc);
    }

    @Override
    protected int run(ParsedArgs a, PrintStream out, PrintStream err) throws Exception {
        boolean json = a.flag("json");
        String caseId = a.value("case");
        String modality = a.value("modality");
        String level = a.value("level");
        Path path = a.positionalPath(0, "PATH").toAbsolutePath().normalize();
        ReadOptions options = ReadOptions.defaults();
        if (modality != null) {
            options = options.withModalityHint(Modality.parse(modality));
        }
        TrackedScanFiles files = services.readers().scanFiles(options);
        if (services.readers().readers().isEmpty()) {
            err.println("inspect: no reader plugins are installed");
            return 1;
        }
        CaseLocator locator = new CaseLocator(files.files(), new NpyKeySlices(), level);
        List<LoadedCase> cases = locator.locate(path, caseId);
        List<Map<String, Object>> report = new ArrayList<>();
        int errors = 0;
        for (LoadedCase c : cases) {
            report.add(ScanReport.of(c, files));
            errors += c.problems().size();
        }
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("path", path.toString());
            doc.put("ok", errors == 0);
            doc.put("cases", report);
            out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(doc));
        } else {
            ScanReport.print(report, out);
            out.println(errors == 0 ? "all files read" : errors + " file(s) could not be read");
        }
        return errors == 0 ? 0 : 1;
    }

    static Map<String, Object> error(ReadException e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", String.valueOf(e.file()));
        m.put("reason", e.reason().name());
        m.put("message", e.getMessage());
        return m;
    }
}
