package org.raddiag.core.command;

import com.google.gson.GsonBuilder;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.raddiag.api.cli.Command;
import org.raddiag.api.data.Diagnosis;
import org.raddiag.api.data.DiagnosisJson;
import org.raddiag.api.data.Finding;
import org.raddiag.api.data.SliceAttention;
import org.raddiag.api.diagnosis.DiagnosisException;
import org.raddiag.api.diagnosis.DiagnosisRequest;
import org.raddiag.api.diagnosis.DiagnosisService;
import org.raddiag.api.io.ReadException;
import org.raddiag.api.io.ReadOptions;
import org.raddiag.api.model.ModelRef;
import org.raddiag.api.text.KnowledgeLabels;
import org.raddiag.core.cases.CaseLocator;
import org.raddiag.core.cases.LoadedCase;
import org.raddiag.core.cases.NpyKeySlices;
import org.raddiag.core.cases.Rp3dCaseFile;
import org.raddiag.core.io.ReaderRegistry;
import org.raddiag.support.cli.CommandSyntax;
import org.raddiag.support.cli.ParsedArgs;
import org.raddiag.support.cli.SyntaxCommand;
import org.raddiag.support.cli.UsageException;

/**
 * {@code diagnose CASE --model NAME[:VERSION] [--backend B] [--json] [--all] [--top K] [--case ID]
 * [--labels TEXTS|FILE]}: ranked findings with probabilities and thresholds, and per-scan slice attention; with
 * {@code --labels}, zero-shot findings for those label texts. Files of the case that cannot be read are
 * reported and the case is diagnosed from the others. Exit 1 when some case could not be diagnosed.
 */
@Component(service = Command.class, property = {SyntaxCommand.COMMAND_KIND, SyntaxCommand.COMMAND_NAME + "diagnose"},
        reference = {@Reference(name = CommandServices.READERS, service = ReaderRegistry.class),
            @Reference(name = CommandServices.DIAGNOSIS, service = DiagnosisService.class),
            @Reference(name = CommandServices.KNOWLEDGE, service = KnowledgeLabels.class)})
public final class DiagnoseCommand extends SyntaxCommand {
    static final CommandSyntax SYNTAX = CommandSyntax.command("diagnose",
            "Ranked findings (sigmoid probabilities, per-class thresholds) and per-scan slice attention of a case;"
            + " unreadable files are reported and left out.")
            .required("model", "NAME[:VERSION]", "installed model package")
            .option("backend", "B", "compute backend: pytorch or onnxruntime (default: the service's)")
            .jsonFlag()
            .flag("all", "every class, not only the top K")
            .option("top", "K", "findings to list", "10")
            .option("case", "ID", "only this case of an RP3D case file")
            .option("level", "LEVEL", "label level of an RP3D case file: articles or icd10s", Rp3dCaseFile.ARTICLES)
            .option("labels", "TEXTS|FILE", "zero-shot: score these label texts instead of the model's labels, through"
                    + " its knowledge head and text encoder; \"text;text;...\" or a labels file (one per line, or"
                    + " JSON {name: index})")
            .positional("CASE", "file, series folder, case folder, zip or RP3D case file")
            .build();

    public DiagnoseCommand() {
        super(SYNTAX, "ranked findings and slice attention for a case");
    }

    private final CommandServices services = new CommandServices();

    @Activate
    void activate(ComponentContext cc) {
        services.activate(cc);
    }

    @Override
    protected int run(ParsedArgs a, PrintStream out, PrintStream err) throws Exception {
        boolean json = a.flag("json");
        boolean all = a.flag("all");
        String model = a.required("model");
        String backend = a.value("backend");
        int top = a.intValue("top");
        if (top < 1) {
            throw new UsageException("--top takes a count of at least 1, not " + top);
        }
        String caseId = a.value("case");
        String level = a.value("level");
        Path path = a.positionalPath(0, "CASE").toAbsolutePath().normalize();
        CaseLocator locator = new CaseLocator(services.readers().plainScanFiles(ReadOptions.defaults()),
                new NpyKeySlices(), level);
        List<String> labels = a.has("labels") ? labels(a.value("labels")) : List.of();
        DiagnosisRequest request = new DiagnosisRequest(ModelRef.parse(model), backend, all ? 0 : top, labels);
        List<Map<String, Object>> results = new ArrayList<>();
        int failed = 0;
        for (LoadedCase c : locator.locate(path, caseId)) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("case", c.value().id());
            List<Map<String, Object>> problems = new ArrayList<>();
            for (ReadException e : c.problems()) {
                problems.add(InspectCommand.error(e));
            }
            r.put("unreadableFiles", problems);
            try {
                Diagnosis d = services.diagnosis().diagnose(c.value(), request);
                r.put("diagnosis", DiagnosisJson.of(d, all, UnaryOperator.identity()));
                if (!json) {
                    print(d, c, out, all ? Integer.MAX_VALUE : top);
                }
            } catch (DiagnosisException e) {
                failed++;
                r.put("error", e.getMessage());
                if (!json) {
                    err.println("case " + c.value().id() + ": " + e.getMessage());
                    c.problems().forEach(p -> err.println("  unreadable: " + p.getMessage()));
                }
            }
            results.add(r);
        }
        if (json) {
            out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create()
                    .toJson(Map.of("results", results)));
        }
        return failed == 0 ? 0 : 1;
    }

    /** {@code --labels}: the labels file it names, else texts separated by {@code ;}. */
    private List<String> labels(String value) throws java.io.IOException {
        Path file = Paths.get(value);
        if (!value.contains(";") && java.nio.file.Files.isRegularFile(file)) {
            return services.knowledge().readLabels(file);
        }
        List<String> texts = new ArrayList<>();
        for (String t : value.split(";", -1)) {
            if (t.isBlank()) {
                throw new UsageException("--labels: empty label text in '" + value + "' (texts separated by ;)");
            }
            texts.add(t.strip());
        }
        return texts;
    }

    private static void print(Diagnosis d, LoadedCase c, PrintStream out, int top) {
        out.println("case " + d.caseId() + "  model " + d.modelName() + ":" + d.modelVersion() + " on " + d.backend()
                + String.format("  (%.0f ms)", d.timingsMs().getOrDefault("total", 0.0)));
        for (ReadException e : c.problems()) {
            out.println("  unreadable, left out: " + e.getMessage());
        }
        int n = 0;
        for (Finding f : d.findings()) {
            if (n++ >= top) {
                break;
            }
            out.printf("  %2d. %-50s p=%.4f  threshold %.3f%s%n", n, f.label(), f.probability(), f.threshold(),
                    f.positive() ? "  POSITIVE" : "");
        }
        for (SliceAttention s : d.attention()) {
            out.printf("  scan %d (%s): %d slices, most attended slice %d (%.3f)%n", s.scan(), s.source(),
                    s.weights().length, s.keySlice(), s.weights().length == 0 ? 0f : s.weights()[s.keySlice()]);
        }
    }
}
