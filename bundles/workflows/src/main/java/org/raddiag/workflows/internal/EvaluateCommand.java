package org.raddiag.workflows.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.raddiag.api.ServiceProperties;
import org.raddiag.api.data.LabelSet;
import org.raddiag.api.model.InputEncoder;
import org.raddiag.api.model.LoadedModel;
import org.raddiag.api.model.ModelPackage;
import org.raddiag.api.model.ModelRef;
import org.raddiag.api.model.ModelRegistry;
import org.raddiag.api.model.ModelRunner;
import org.raddiag.api.cli.Command;
import org.raddiag.api.train.DatasetSource;
import org.raddiag.metrics.Predictions;
import org.raddiag.support.osgi.NamedServices;
import org.raddiag.support.home.RaddiagHome;

/**
 * {@code evaluate --model NAME --dataset NAME[:FOLDER] [--backend B] --out DIR} or
 * {@code evaluate --scores S.npy --labels L.npy [--head H --medium M] --out DIR}: the reference metrics per class
 * and per head/medium/tail split, plus thresholds fixed on the validation split and bootstrap intervals, written as
 * {@code report.json} and a self-contained {@code report.html}.
 */
@Component(property = {ServiceProperties.KIND + "=" + ServiceProperties.KIND_COMMAND,
        ServiceProperties.COMMAND + "=evaluate"})
public final class EvaluateCommand implements Command {
    @Reference
    private TrainingPlugins plugins;
    @Reference
    private InputEncoder encoder;
    @Reference
    private ModelRegistry registry;
    private final NamedServices<ModelRunner> runners = new NamedServices<>("model runner");

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addRunner(ModelRunner r, Map<String, Object> properties) {
        runners.add(r.backend(), r, properties);
    }

    void removeRunner(ModelRunner r, Map<String, Object> properties) {
        runners.remove(r.backend(), r, properties);
    }

    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public String summary() {
        return "reference metrics + HTML report  --model NAME --dataset NAME[:DIR] --out DIR | "
                + "--scores S.npy --labels L.npy --out DIR";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(arguments, List.of());
        Path outDir = Paths.get(a.options.getOrDefault("out", "evaluation")).toAbsolutePath().normalize();
        Evaluation e;
        if (a.options.containsKey("scores") && a.options.containsKey("labels")) {
            Predictions p = Predictions.load(Paths.get(a.options.get("scores")), Paths.get(a.options.get("labels")));
            int head = Integer.parseInt(a.options.getOrDefault("head", Integer.toString(p.classes())));
            int medium = Integer.parseInt(a.options.getOrDefault("medium", "0"));
            List<String> names = new ArrayList<>();
            for (int i = 0; i < p.classes(); i++) {
                names.add("class-" + i);
            }
            e = Evaluation.run(p, null, new LabelSet("classes", names, head, medium), "RadDiag evaluation of "
                    + a.options.get("scores"), outDir);
        } else if (a.options.containsKey("model") && a.options.containsKey("dataset")) {
            ModelPackage pkg = registry.find(ModelRef.parse(a.options.get("model"))).orElse(null);
            if (pkg == null) {
                err.println("evaluate: no model " + a.options.get("model") + " (installed: " + registry.list() + ")");
                return 1;
            }
            String backend = a.options.getOrDefault("backend", "pytorch");
            ModelRunner runner = runners.get(backend);
            if (runner == null) {
                err.println("evaluate: no runner for backend " + backend + " (available: " + runners.names() + ")");
                return 1;
            }
            String dataset = a.options.get("dataset");
            DatasetSource data = DatasetArg.open(dataset, a.datasetOptions.isEmpty() && dataset.startsWith("phantom")
                    ? DemoSettings.dataset() : a.datasetOptions, plugins, RaddiagHome.current());
            try (LoadedModel model = runner.load(pkg)) {
                e = Workbench.evaluate(model, encoder, data, "RadDiag " + pkg.ref() + " on " + data.name(), outDir);
            }
        } else {
            err.println("usage: evaluate --model NAME --dataset NAME[:DIR] [--backend B] --out DIR");
            err.println("       evaluate --scores S.npy --labels L.npy [--head H --medium M] --out DIR");
            return 2;
        }
        out.println(e.summary());
        out.println("report: " + outDir.resolve("report.html") + " and report.json");
        return 0;
    }
}
