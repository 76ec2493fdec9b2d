package org.raddiag.workflows.internal;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.raddiag.api.cli.Command;
import org.raddiag.api.data.Case;
import org.raddiag.api.data.Diagnosis;
import org.raddiag.api.data.Finding;
import org.raddiag.api.diagnosis.DiagnosisRequest;
import org.raddiag.api.diagnosis.DiagnosisService;
import org.raddiag.api.model.ModelRef;
import org.raddiag.api.train.DatasetSource;
import org.raddiag.api.train.DatasetSource.Split;
import org.raddiag.support.files.DurableFiles;
import org.raddiag.api.train.TrainingOutcome;
import org.raddiag.support.home.RaddiagHome;
import org.raddiag.support.cli.CommandSyntax;
import org.raddiag.support.cli.ParsedArgs;
import org.raddiag.support.cli.SyntaxCommand;

/**
 * {@code demo [--out DIR] [--fresh]}: the main job on its embedded default. Generates the phantom dataset, trains
 * the small RadDiag variant on the CPU with a progress bar (resuming an interrupted run), evaluates it on the test
 * split (report.html), registers it and diagnoses a few held-out cases. Fixed seeds make reruns agree, unless a
 * non-finite gradient step was skipped in one of them.
 */
@Component(service = Command.class, property = {SyntaxCommand.COMMAND_KIND, SyntaxCommand.COMMAND_NAME + "demo"})
public final class DemoCommand extends SyntaxCommand {
    static final CommandSyntax SYNTAX = CommandSyntax.command("demo",
            "The main job: generates the phantom dataset, trains a small RadDiag on the CPU, evaluates it,"
            + " registers it as phantom-demo and diagnoses three held-out cases; resumes when interrupted.")
            .option("out", "DIR", "work folder (default: work/demo under the home)")
            .flag("fresh", "start the training over instead of resuming")
            .build();

    public DemoCommand() {
        super(SYNTAX, "generate phantom data, train a small RadDiag, evaluate, diagnose");
    }

    @Reference
    private Workbenches workbenches;
    @Reference
    private DiagnosisService diagnosis;

    @Override
    protected int run(ParsedArgs a, PrintStream out, PrintStream err) throws Exception {
        Path dir = a.has("out") ? a.path("out").toAbsolutePath().normalize()
                : RaddiagHome.current().demo();
        long t0 = System.nanoTime();
        out.println("== 1/5 phantom dataset (seed " + DemoSettings.SEED + ")");
        DatasetSource data = workbenches.plugins().layout("phantom").open(dir.resolve("data"),
                DemoSettings.dataset());
        out.println("   " + data.caseIds(Split.TRAIN).size() + " training, " + data.caseIds(Split.VALIDATION).size()
                + " validation, " + data.caseIds(Split.TEST).size() + " test cases, " + data.labels().size()
                + " labels in " + dir.resolve("data"));
        Path run = dir.resolve("run");
        if (a.flag("fresh")) {
            DurableFiles.deleteTree(run);
        }
        boolean resume = Files.isDirectory(run.resolve("checkpoints"));
        out.println("== 2/5 training " + DemoSettings.training() + (resume ? " (resuming)" : ""));
        Workbench bench = workbenches.of(workbenches.plugins().trainer(null));
        TrainingOutcome result = bench.train(DemoSettings.training(), data, run, resume, out);
        out.printf("   done: %.0f cases/s, best validation loss %.4f (epoch %.0f)%n",
                result.summary().getOrDefault("casesPerSec", Double.NaN),
                result.summary().getOrDefault("bestLoss", Double.NaN),
                result.summary().getOrDefault("bestEpoch", Double.NaN));
        out.println("== 3/5 evaluation on the test split (" + data.caseIds(Split.TEST).size() + " cases)");
        Workbench.Outcome o = bench.evaluateAndRegister(result, data, new ModelRef("phantom-demo", "1.0.0"),
                dir.resolve("report"), Map.of("training_settings", DemoSettings.training().toString()));
        out.println(o.evaluation().summary());
        out.println("   report: " + dir.resolve("report/report.html"));
        out.println("== 4/5 registered " + o.model());
        out.println("== 5/5 diagnosing held-out cases");
        List<String> test = data.caseIds(Split.TEST);
        for (String id : test.subList(0, Math.min(3, test.size()))) {
            Case c = data.load(id);
            Diagnosis dg = diagnosis.diagnose(c, new DiagnosisRequest(o.model(), null, 3));
            out.println("   case " + id + "  truth " + c.labels());
            for (Finding f : dg.findings()) {
                out.printf("      %-32s p=%.3f%s%n", f.label(), f.probability(), f.positive() ? "  POSITIVE" : "");
            }
        }
        out.printf("demo finished in %.0f s%n", (System.nanoTime() - t0) / 1e9);
        return 0;
    }
}
