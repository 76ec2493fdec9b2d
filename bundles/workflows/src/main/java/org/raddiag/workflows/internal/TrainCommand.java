package org.raddiag.workflows.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.raddiag.api.cli.Command;
import org.raddiag.api.model.ModelRef;
import org.raddiag.api.text.KnowledgeLabels;
import org.raddiag.api.train.DatasetSource;
import org.raddiag.api.train.DatasetSource.Split;
import org.raddiag.api.train.Trainer;
import org.raddiag.api.train.TrainingOutcome;
import org.raddiag.support.home.RaddiagHome;
import org.raddiag.support.cli.CommandSyntax;
import org.raddiag.support.cli.ParsedArgs;
import org.raddiag.support.cli.SyntaxCommand;

/**
 * {@code train --dataset NAME[:FOLDER] --out DIR [--trainer NAME] [--resume] [--name NAME[:VERSION]] [--demo-arch]
 * [--set key=value]... [--dataset-option key=value]...}: trains with the trainer plugin called NAME (default: the
 * only one installed) on the dataset that the layout plugin called NAME opens, with atomic checkpoints in
 * {@code DIR} (resumable after a kill), evaluates the best weights on the test split, and registers them as a model
 * package with thresholds fitted on the validation split. The settings {@code text_encoder} and {@code withhold} are
 * the workflow's own ({@link KnowledgeSetup}).
 */
@Component(service = Command.class, property = {SyntaxCommand.COMMAND_KIND, SyntaxCommand.COMMAND_NAME + "train"})
public final class TrainCommand extends SyntaxCommand {
    static final CommandSyntax SYNTAX = CommandSyntax.command("train",
            "Trains with atomic checkpoints (resumable after kill -9), evaluates on the test split, registers the"
            + " best model with thresholds fitted on the validation split.")
            .required("dataset", "NAME[:FOLDER]", "training data, opened by the dataset layout plugin NAME (rp3d:FOLDER,"
                    + " phantom[:FOLDER]; phantom without options generates the demo's dataset)")
            .option("trainer", "NAME", "trainer plugin (default: the only one installed)")
            .required("out", "DIR", "run folder (checkpoints, report)")
            .flag("resume", "continue from the last complete checkpoint in DIR")
            .option("name", "NAME[:VERSION]", "name of the registered model", "trained")
            .flag("demo-arch", "start from the demo's settings")
            .flag("no-register", "train only: no evaluation, no registration")
            .repeatable("set", "KEY=VALUE", "a training setting (see the README: epochs, batchSize, lr, backbone,"
                    + " image_size, depth, slots, hidden, head, text_encoder (label embeddings of head=knowledge),"
                    + " withhold (labels left out: LABEL;LABEL), level=icd10 (train on the disorders' ICD-10 codes),"
                    + " ...)")
            .repeatable("dataset-option", "KEY=VALUE", "an option of the dataset layout plugin (phantom: seed, cases,"
                    + " labels, size, slices, noise, lesionScale, ...)")
            .build();

    public TrainCommand() {
        super(SYNTAX, "train, evaluate and register a model");
    }

    @Reference
    private Workbenches workbenches;
    @Reference
    private KnowledgeLabels knowledge;

    @Override
    protected int run(ParsedArgs a, PrintStream out, PrintStream err) throws Exception {
        Path outDir = a.requiredPath("out").toAbsolutePath().normalize();
        Map<String, String> cliSettings = a.settings("set");
        Trainer trainer = workbenches.plugins().trainer(a.value("trainer"));
        String dataset = a.required("dataset");
        DatasetSource all = DatasetArg.open(dataset, a.settings("dataset-option"), workbenches.plugins(),
                RaddiagHome.current());
        Map<String, String> settings = new LinkedHashMap<>();
        if (a.flag("demo-arch")) {
            settings.putAll(DemoSettings.training());
        }
        settings.putAll(cliSettings);
        String settingsText = settings.toString();
        String level = settings.remove(IcdLevel.SETTING);
        if (level != null) {
            all = Workbench.atLevel(level, all);
            out.println("label level " + level + ": " + all.labels().size() + " classes");
        }
        KnowledgeSetup setup = KnowledgeSetup.prepare(settings, all, outDir, knowledge, out);
        DatasetSource data = setup.data();
        out.println("dataset " + data.name() + ": " + data.caseIds(Split.TRAIN).size() + " training, "
                + data.caseIds(Split.VALIDATION).size() + " validation, " + data.caseIds(Split.TEST).size()
                + " test cases, " + data.labels().size() + " labels");
        Workbench bench = workbenches.of(trainer);
        TrainingOutcome result = bench.train(setup.settings(), data, outDir, a.flag("resume"), out);
        out.println("training done: " + result.summary());
        if (a.flag("no-register")) {
            return 0;
        }
        ModelRef name = ModelRef.parse(a.value("name"));
        Map<String, String> provenance = new LinkedHashMap<>(setup.provenance());
        provenance.put("training_settings", settingsText);
        if (level != null) {
            provenance.put("label_level", level);
        }
        Workbench.Outcome o = bench.evaluateAndRegister(result, data, name, outDir.resolve("report"), provenance,
                setup.packaged(result.architecture()), setup.files());
        out.println("test split (reference metrics):");
        out.println(o.evaluation().summary());
        out.println("report: " + outDir.resolve("report/report.html"));
        out.println("registered model " + o.model());
        return 0;
    }
}
