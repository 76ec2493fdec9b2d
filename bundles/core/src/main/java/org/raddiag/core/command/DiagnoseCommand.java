package org.raddiag.core.command;

import com.google.gson.GsonBuilder;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.raddiag.api.ServiceProperties;
import org.raddiag.api.cli.Command;
import org.raddiag.api.data.Diagnosis;
import org.raddiag.api.data.Finding;
import org.raddiag.api.data.SliceAttention;
import org.raddiag.api.diagnosis.DiagnosisException;
import org.raddiag.api.diagnosis.DiagnosisRequest;
import org.raddiag.api.diagnosis.DiagnosisService;
import org.raddiag.api.io.ReadException;
import org.raddiag.api.io.ReadOptions;
import org.raddiag.api.model.ModelRef;
import org.raddiag.core.cases.CaseLocator;
import org.raddiag.core.cases.LoadedCase;
import org.raddiag.core.cases.NpyKeySlices;
import org.raddiag.core.cases.Rp3dCaseFile;
import org.raddiag.core.io.ReaderRegistry;

/**
 * {@code diagnose CASE --model NAME[:VERSION] [--backend B] [--json] [--all] [--top K] [--case ID]}: ranked findings
 * with probabilities and thresholds, and per-scan slice attention. Files of the case that cannot be read are
 * reported and the case is diagnosed from the others. Exit 1 when some case could not be diagnosed.
 */
@Component(property = {ServiceProperties.KIND + "=" + ServiceProperties.KIND_COMMAND,
        ServiceProperties.COMMAND + "=diagnose"})
public final class DiagnoseCommand implements Command {
    @Reference
    private ReaderRegistry readers;

    @Reference
    private DiagnosisService diagnosis;

    @Override
    public String name() {
        return "diagnose";
    }

    @Override
    public String summary() {
        return "ranked findings and slice attention for a case  CASE --model NAME[:VERSION] [--backend B] [--json] [--all] [--top K]";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) throws Exception {
        CommandArgs a = new CommandArgs(arguments);
        boolean json = a.flag("json");
        boolean all = a.flag("all");
        String model = a.option("model", null);
        String backend = a.option("backend", null);
        int top = Integer.parseInt(a.option("top", "10"));
        String caseId = a.option("case", null);
        String level = a.option("level", Rp3dCaseFile.ARTICLES);
        List<String> paths = a.positional();
        if (paths.size() != 1 || model == null) {
            err.println("usage: diagnose CASE --model NAME[:VERSION] [--backend B] [--json] [--all] [--top K] [--case ID]");
            return 2;
        }
        Path path = Paths.get(paths.get(0)).toAbsolutePath().normalize();
        CaseLocator locator = new CaseLocator(readers.plainScanFiles(ReadOptions.defaults()),
                new NpyKeySlices(), level);
        DiagnosisRequest request = new DiagnosisRequest(ModelRef.parse(model), backend, all ? 0 : top);
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
                Diagnosis d = diagnosis.diagnose(c.value(), request);
                r.put("diagnosis", DiagnosisJson.of(d, all));
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
