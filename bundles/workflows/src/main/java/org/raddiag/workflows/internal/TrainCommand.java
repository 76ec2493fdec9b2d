package org.raddiag.workflows.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.raddiag.api.ServiceProperties;
import org.raddiag.api.cli.Command;
import org.raddiag.api.model.InputEncoder;
import org.raddiag.api.model.ModelRef;
import org.raddiag.api.model.ModelRegistry;
import org.raddiag.api.model.ModelRunner;
import org.raddiag.api.train.DatasetLayout;
import org.raddiag.api.train.DatasetSource;
import org.raddiag.model.assembly.NetworkAssembler;
import org.raddiag.trainer.TrainingResult;

/**
 * {@code train --dataset rp3d:FOLDER|phantom[:FOLDER] --out DIR [--resume] [--name NAME[:VERSION]] [--demo-arch]
 * [--set key=value]...}: trains with atomic checkpoints in {@code DIR} (resumable after a kill), evaluates the best
 * weights on the test split, and registers them as a model package with thresholds fitted on the validation split.
 */
@Component(property = {ServiceProperties.KIND + "=" + ServiceProperties.KIND_COMMAND,
        ServiceProperties.COMMAND + "=train"})
public final class TrainCommand implements Command {
    @Reference(target = "(" + ServiceProperties.DATASET + "=rp3d)")
    private DatasetLayout rp3d;
    @Reference
    private InputEncoder encoder;
    @Reference(target = "(" + ServiceProperties.BACKEND + "=pytorch)")
    private ModelRunner runner;
    @Reference
    private NetworkAssembler assembler;
    @Reference
    private ModelRegistry registry;

    @Override
    public String name() {
        return "train";
    }

    @Override
    public String summary() {
        return "train, evaluate and register a model  --dataset rp3d:DIR|phantom --out DIR [--resume] [--name N:V] "
                + "[--demo-arch] [--set key=value]...";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(arguments, List.of("resume", "demo-arch", "no-register"));
        if (!a.options.containsKey("dataset") || !a.options.containsKey("out") || !a.positional.isEmpty()) {
            err.println("usage: train --dataset rp3d:FOLDER|phantom[:FOLDER] --out DIR [--resume] [--name NAME[:VERSION]]"
                    + " [--demo-arch] [--set key=value]...   (keys: see the README, e.g. epochs, batchSize, lr, backbone,"
                    + " image_size, depth, slots, hidden)");
            return 2;
        }
        Path outDir = Paths.get(a.options.get("out")).toAbsolutePath().normalize();
        DatasetSource data = DatasetArg.open(a.options.get("dataset"), rp3d, Home.get(), out);
        Map<String, String> settings = new LinkedHashMap<>();
        if (a.flag("demo-arch")) {
            settings.putAll(DemoSettings.training());
        }
        settings.putAll(a.settings);
        Workbench bench = new Workbench(encoder, runner, registry, assembler);
        TrainingResult result = bench.train(settings, data, outDir, a.flag("resume"), out);
        out.println("training done: " + result.summary());
        if (a.flag("no-register")) {
            return 0;
        }
        ModelRef name = ModelRef.parse(a.options.getOrDefault("name", "trained"));
        Workbench.Outcome o = bench.evaluateAndRegister(result, data, name, outDir.resolve("report"),
                Map.of("training_settings", settings.toString()));
        out.println("test split (reference metrics):");
        out.println(o.evaluation().summary());
        out.println("report: " + outDir.resolve("report/report.html"));
        out.println("registered model " + o.model());
        return 0;
    }
}
