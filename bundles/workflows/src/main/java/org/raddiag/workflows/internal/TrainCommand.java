package org.raddiag.workflows.internal;

import java.io.PrintStream;
import java.nio.file.Path;
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
import org.raddiag.trainer.TrainingResult;
import org.raddiag.support.cli.CommandSyntax;
import org.raddiag.support.cli.ParsedArgs;

/**
 * {@code train --dataset rp3d:FOLDER|phantom[:FOLDER] --out DIR [--resume] [--name NAME[:VERSION]] [--demo-arch]
 * [--set key=value]...}: trains with atomic checkpoints in {@code DIR} (resumable after a kill), evaluates the best
 * weights on the test split, and registers them as a model package with thresholds fitted on the validation split.
 */
@Component(property = {ServiceProperties.KIND + "=" + ServiceProperties.KIND_COMMAND,
        ServiceProperties.COMMAND + "=train"})
public final class TrainCommand implements Command {
    static final CommandSyntax SYNTAX = CommandSyntax.command("train",
            "Trains with atomic checkpoints (resumable after kill -9), evaluates on the test split, registers the"
            + " best model with thresholds fitted on the validation split.")
            .required("dataset", "rp3d:FOLDER|phantom[:FOLDER]", "training data")
            .required("out", "DIR", "run folder (checkpoints, report)")
            .flag("resume", "continue from the last complete checkpoint in DIR")
            .option("name", "NAME[:VERSION]", "name of the registered model", "trained")
            .flag("demo-arch", "start from the demo's settings")
            .flag("no-register", "train only: no evaluation, no registration")
            .repeatable("set", "KEY=VALUE", "a training setting (see the README: epochs, batchSize, lr, backbone,"
                    + " image_size, depth, slots, hidden, ...)")
            .build();
    @Reference(target = "(" + ServiceProperties.DATASET + "=rp3d)")
    private DatasetLayout rp3d;
    @Reference
    private InputEncoder encoder;
    @Reference(target = "(" + ServiceProperties.BACKEND + "=pytorch)")
    private ModelRunner runner;
    @Reference
    private ModelRegistry registry;

    @Override
    public String name() {
        return "train";
    }

    @Override
    public String summary() {
        return "train, evaluate and register a model  " + SYNTAX.synopsis();
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) throws Exception {
        return SYNTAX.run(arguments, out, err, a -> run(a, out, err));
    }

    private int run(ParsedArgs a, PrintStream out, PrintStream err) throws Exception {
        Path outDir = a.requiredPath("out").toAbsolutePath().normalize();
        Map<String, String> cliSettings = a.settings("set");
        DatasetSource data = DatasetArg.open(a.required("dataset"), rp3d, Home.get(), out);
        Map<String, String> settings = new LinkedHashMap<>();
        if (a.flag("demo-arch")) {
            settings.putAll(DemoSettings.training());
        }
        settings.putAll(cliSettings);
        Workbench bench = new Workbench(encoder, runner, registry);
        TrainingResult result = bench.train(settings, data, outDir, a.flag("resume"), out);
        out.println("training done: " + result.summary());
        if (a.flag("no-register")) {
            return 0;
        }
        ModelRef name = ModelRef.parse(a.value("name"));
        Workbench.Outcome o = bench.evaluateAndRegister(result, data, name, outDir.resolve("report"),
                Map.of("training_settings", settings.toString()));
        out.println("test split (reference metrics):");
        out.println(o.evaluation().summary());
        out.println("report: " + outDir.resolve("report/report.html"));
        out.println("registered model " + o.model());
        return 0;
    }
}
