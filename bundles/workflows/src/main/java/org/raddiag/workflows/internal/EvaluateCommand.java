package org.raddiag.workflows.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.raddiag.api.data.LabelSet;
import org.raddiag.api.model.LoadedModel;
import org.raddiag.api.model.ModelPackage;
import org.raddiag.api.model.ModelRef;
import org.raddiag.api.model.ModelRegistry;
import org.raddiag.api.model.ModelRunner;
import org.raddiag.api.cli.Command;
import org.raddiag.api.text.KnowledgeLabels;
import org.raddiag.api.train.DatasetSource;
import org.raddiag.metrics.Predictions;
import org.raddiag.support.home.RaddiagHome;
import org.raddiag.support.cli.CommandSyntax;
import org.raddiag.support.cli.ParsedArgs;
import org.raddiag.support.cli.SyntaxCommand;
import org.raddiag.support.cli.UsageException;

/**
 * {@code evaluate --model NAME --dataset NAME[:FOLDER] [--backend B] --out DIR} or
 * {@code evaluate --scores S.npy --labels L.npy [--head H --medium M] --out DIR}: the reference metrics per class
 * and per head/medium/tail split, plus thresholds fixed on the validation split and bootstrap intervals, written as
 * {@code report.json} and a self-contained {@code report.html}. With {@code --zero-shot MAPPING} (and --model,
 * --dataset): the zero-shot metrics of {@link ZeroShotEvaluation} instead.
 */
@Component(service = Command.class, property = {SyntaxCommand.COMMAND_KIND, SyntaxCommand.COMMAND_NAME + "evaluate"})
public final class EvaluateCommand extends SyntaxCommand {
    static final CommandSyntax SYNTAX = CommandSyntax.command("evaluate",
            "Reference metrics per class and per head/medium/tail split, fixed-threshold F1/MCC, bootstrap"
            + " intervals; report.json and a self-contained report.html. Give --model and --dataset, or --scores"
            + " and --labels.")
            .option("model", "NAME[:VERSION]", "installed model package to evaluate")
            .option("dataset", "NAME[:DIR]", "dataset whose test split is evaluated (rp3d:DIR, phantom[:DIR])")
            .repeatable("dataset-option", "KEY=VALUE", "an option of the dataset layout plugin")
            .option("backend", "B", "compute backend", "pytorch")
            .option("level", "LEVEL", "disorders, or icd10: a disorder-level model's scores aggregated to ICD-10"
                    + " codes by max, splits from the training split's code counts", "disorders")
            .option("scores", "S.npy", "precomputed scores (cases x classes)")
            .option("labels", "L.npy", "their labels (cases x classes, 0/1)")
            .option("head", "H", "head classes of --scores (default: all)")
            .option("medium", "M", "medium classes of --scores", "0")
            .option("zero-shot", "MAPPING", "with --model (a knowledge-head model) and --dataset: zero-shot metrics of"
                    + " the dataset labels MAPPING names, a JSON {\"dataset label\": \"text given to the model\"}"
                    + " (or a list of texts); ACC/TPR/FPR at the F1max threshold, written as zero-shot.json")
            .option("out", "DIR", "report folder", "evaluation")
            .flag("json", "print report.json instead of the summary")
            .build();

    public EvaluateCommand() {
        super(SYNTAX, "reference metrics + HTML report");
    }

    @Reference
    private Workbenches workbenches;
    @Reference
    private KnowledgeLabels knowledge;

    /** {@code --scores S.npy --labels L.npy} computes metrics only: no engine. */
    @Override
    public boolean needsEngines(List<String> args) {
        return !args.contains("--scores") && args.stream().noneMatch(a -> a.startsWith("--scores="));
    }

    /** The two ways to call it, which the generated synopsis would run together. */
    @Override
    public String summary() {
        return "reference metrics + HTML report  --model NAME --dataset NAME[:DIR] --out DIR | "
                + "--scores S.npy --labels L.npy --out DIR  [--json]";
    }

    /** The aggregation to codes that {@code --level} asks for, or null. */
    private static IcdLevel icdLevel(String level, ModelPackage pkg, DatasetSource data) throws java.io.IOException {
        if (level.equals(IcdLevel.DISORDERS)) {
            return null;
        }
        if (!level.equals(IcdLevel.ICD10)) {
            throw new UsageException("--level " + level + ": use " + IcdLevel.DISORDERS + " or " + IcdLevel.ICD10);
        }
        if (!pkg.labels().labels().equals(data.labels().labels())) {
            throw new IllegalArgumentException("--level icd10 aggregates a disorder-level model's scores, but "
                    + pkg.ref() + "'s " + pkg.labels().size() + " labels are not the " + data.labels().size()
                    + " disorder labels of dataset " + data.name());
        }
        return IcdLevel.of(data, IcdCodes.bundled());
    }

    @Override
    protected int run(ParsedArgs a, PrintStream out, PrintStream err) throws Exception {
        Path outDir = a.path("out").toAbsolutePath().normalize();
        Evaluation e;
        if (a.has("scores") && a.has("labels") && !a.has("model") && !a.has("dataset")) {
            Predictions p = Predictions.load(a.path("scores"), a.path("labels"));
            int head = a.intValue("head", p.classes());
            int medium = a.intValue("medium");
            List<String> names = new ArrayList<>();
            for (int i = 0; i < p.classes(); i++) {
                names.add("class-" + i);
            }
            e = Evaluation.run(p, null, new LabelSet("classes", names, head, medium), "RadDiag evaluation of "
                    + a.value("scores"), outDir);
        } else if (a.has("model") && a.has("dataset") && !a.has("scores") && !a.has("labels")) {
            ModelRegistry registry = workbenches.registry();
            ModelPackage pkg = registry.find(ModelRef.parse(a.value("model"))).orElse(null);
            if (pkg == null) {
                err.println("evaluate: no model " + a.value("model") + " (installed: " + registry.list() + ")");
                return 1;
            }
            TrainingPlugins plugins = workbenches.plugins();
            ModelRunner runner = plugins.runner(a.value("backend"));
            DatasetSource data = DatasetArg.open(a.value("dataset"), a.settings("dataset-option"), plugins,
                    RaddiagHome.current());
            if (a.has("zero-shot")) {
                return zeroShot(a.path("zero-shot"), pkg, runner, data, outDir, a.flag("json"), out);
            }
            IcdLevel icd = icdLevel(a.value("level"), pkg, data);
            try (LoadedModel model = runner.load(pkg)) {
                e = Workbench.evaluate(model, workbenches.encoder(), data, icd, "RadDiag " + pkg.ref() + " on "
                        + data.name() + (icd == null ? "" : " (ICD-10 level)"), outDir);
            }
        } else {
            throw new UsageException("give --model and --dataset, or --scores and --labels");
        }
        if (a.flag("json")) {
            out.println(Files.readString(outDir.resolve("report.json")));
            return 0;
        }
        out.println(e.summary());
        out.println("report: " + outDir.resolve("report.html") + " and report.json");
        return 0;
    }

    /** {@code --zero-shot MAPPING}: the mapped labels' texts scored through the model's text encoder. */
    private int zeroShot(Path mappingFile, ModelPackage pkg, ModelRunner runner, DatasetSource data, Path outDir,
            boolean json, PrintStream out) throws Exception {
        Map<String, List<String>> mapping = ZeroShotEvaluation.readMapping(mappingFile);
        LabelSet truth = ZeroShotEvaluation.truthLabels(mapping, data.labels(), mappingFile);
        ModelPackage zs = knowledge.zeroShot(pkg, ZeroShotEvaluation.texts(mapping));
        ZeroShot scores = new ZeroShot(zs.labels(), mapping);
        Predictions p;
        try (LoadedModel model = runner.load(zs)) {
            p = Predictor.predict(model, workbenches.encoder(), data, DatasetSource.Split.TEST, truth, scores);
        }
        ZeroShotEvaluation z = ZeroShotEvaluation.of(p, truth);
        z.write(outDir, pkg.ref().toString(), mapping);
        if (json) {
            out.println(Files.readString(outDir.resolve(ZeroShotEvaluation.FILE)));
            return 0;
        }
        out.println("model " + pkg.ref() + " on the test split of " + data.name() + " (" + p.cases() + " cases)");
        out.println(z.summary());
        out.println("report: " + outDir.resolve(ZeroShotEvaluation.FILE));
        return 0;
    }
}
