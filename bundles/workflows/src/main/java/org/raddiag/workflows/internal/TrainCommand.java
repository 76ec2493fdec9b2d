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
import org.raddiag.api.train.DatasetSource;
import org.raddiag.api.train.DatasetSource.Split;
import org.raddiag.api.train.Trainer;
import org.raddiag.api.train.TrainingOutcome;
import org.raddiag.support.home.RaddiagHome;

/**
 * {@code train --dataset NAME[:FOLDER] --out DIR [--trainer NAME] [--resume] [--name NAME[:VERSION]] [--demo-arch]
 * [--set key=value]... [--dataset-option key=value]...}: trains with the trainer plugin called NAME (default: the
 * only one installed) on the dataset that the layout plugin called NAME opens, with atomic checkpoints in
 * {@code DIR} (resumable after a kill), evaluates the best weights on the test split, and registers them as a model
 * package with thresholds fitted on the validation split.
 */
@Component(property = {ServiceProperties.KIND + "=" + ServiceProperties.KIND_COMMAND,
        ServiceProperties.COMMAND + "=train"})
public final class TrainCommand implements Command {
    @Reference
    private TrainingPlugins plugins;
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
        return "train, evaluate and register a model  --dataset NAME[:DIR] --out DIR [--trainer NAME] [--resume] "
                + "[--name N:V] [--demo-arch] [--set key=value]... [--dataset-option key=value]...";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(arguments, List.of("resume", "demo-arch", "no-register"));
        if (!a.options.containsKey("dataset") || !a.options.containsKey("out") || !a.positional.isEmpty()) {
            err.println("usage: train --dataset NAME[:FOLDER] --out DIR [--trainer NAME] [--resume] [--name NAME[:VERSION]]"
                    + " [--demo-arch] [--set key=value]... [--dataset-option key=value]...   (datasets: rp3d:FOLDER,"
                    + " phantom[:FOLDER]; settings: see the README, e.g. epochs, batchSize, lr, backbone, image_size,"
                    + " depth, slots, hidden)");
            return 2;
        }
        Path outDir = Paths.get(a.options.get("out")).toAbsolutePath().normalize();
        Trainer trainer = plugins.trainer(a.options.get("trainer"));
        String dataset = a.options.get("dataset");
        // the phantom without options is the demo's dataset (what `train --dataset phantom` always meant)
        Map<String, String> datasetOptions = a.datasetOptions.isEmpty() && dataset.startsWith("phantom")
                ? DemoSettings.dataset() : a.datasetOptions;
        DatasetSource data = DatasetArg.open(dataset, datasetOptions, plugins, RaddiagHome.current());
        out.println("dataset " + data.name() + ": " + data.caseIds(Split.TRAIN).size() + " training, "
                + data.caseIds(Split.VALIDATION).size() + " validation, " + data.caseIds(Split.TEST).size()
                + " test cases, " + data.labels().size() + " labels");
        Map<String, String> settings = new LinkedHashMap<>();
        if (a.flag("demo-arch")) {
            settings.putAll(DemoSettings.training());
        }
        settings.putAll(a.settings);
        Workbench bench = new Workbench(trainer, encoder, runner, registry);
        TrainingOutcome result = bench.train(settings, data, outDir, a.flag("resume"), out);
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
