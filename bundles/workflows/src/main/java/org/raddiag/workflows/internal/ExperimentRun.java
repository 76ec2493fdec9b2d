package org.raddiag.workflows.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.api.model.ModelRef;
import org.raddiag.api.text.KnowledgeLabels;
import org.raddiag.api.train.DatasetSource;
import org.raddiag.api.train.Trainer;
import org.raddiag.api.train.TrainingOutcome;
import org.raddiag.metrics.ComparisonReport;
import org.raddiag.model.assembly.NetworkAssembler;

/**
 * Runs an {@link ExperimentPlan} into an output folder, one variant after another, through the same
 * {@link Workbench} steps as {@code train} (the trainer service, the dataset at the variant's label level, the
 * workflow's knowledge settings {@code text_encoder} and {@code withhold} ({@link KnowledgeSetup}), the evaluation of
 * the best weights on the test split), without registering models. Every variant's settings are
 * checked against the trainer and the folder before the first one trains. After each variant the comparison
 * ({@code comparison.json}, {@code comparison.html}) is rewritten; a rerun skips finished variants and resumes a
 * started one from its last checkpoint ({@link VariantFolder}).
 */
final class ExperimentRun {
    static final String JSON = "comparison.json";
    static final String HTML = "comparison.html";

    private final ExperimentPlan plan;
    private final Path out;
    private final Trainer trainer;
    private final NetworkAssembler assembler;
    private final Workbench bench;
    private final KnowledgeLabels knowledge;

    ExperimentRun(ExperimentPlan plan, Path out, Trainer trainer, NetworkAssembler assembler, Workbench bench,
            KnowledgeLabels knowledge) {
        this.plan = plan;
        this.out = out;
        this.trainer = trainer;
        this.assembler = assembler;
        this.bench = bench;
        this.knowledge = knowledge;
    }

    /**
     * Checks every variant before anything trains: its label level, its settings against the trainer (a bad
     * setting), the network its architecture names against the installed plugins (a missing plugin, or one that
     * cannot build it, e.g. a knowledge head without its embeddings) and its folder.
     *
     * @throws IllegalArgumentException naming the plan file, the variant and the problem
     */
    List<VariantFolder.State> check(DatasetSource data) throws IOException {
        List<VariantFolder.State> states = new ArrayList<>();
        for (ExperimentPlan.Variant v : plan.variants()) {
            Map<String, String> settings = new LinkedHashMap<>(v.settings());
            String level = settings.remove(IcdLevel.SETTING);
            int classes = data.labels().size();
            try {
                if (level != null && level.equals(IcdLevel.ICD10)) {
                    classes = IcdCodes.bundled().codes().size();
                } else if (level != null && !level.equals(IcdLevel.DISORDERS)) {
                    throw new IllegalArgumentException("setting level=" + level + ": use " + IcdLevel.DISORDERS
                            + " or " + IcdLevel.ICD10);
                }
                KnowledgeSetup.check(settings, knowledge);
                if (settings.remove(KnowledgeSetup.TEXT_ENCODER) != null) {
                    // the label embeddings are made when the variant trains: check the rest of its network now
                    settings.put(ArchitectureConfig.HEAD, "mlp");
                }
                settings.remove(KnowledgeSetup.WITHHOLD);
                assembler.assemble(trainer.architecture(settings, classes), NetworkAssembler.DEFAULT_WAIT_MILLIS);
                states.add(new VariantFolder(out, v.name()).state(v.settings()));
            } catch (IllegalArgumentException | IllegalStateException | IOException e) {
                throw new IllegalArgumentException(plan.file() + ": variant '" + v.name() + "': " + e.getMessage(), e);
            }
        }
        return states;
    }

    /**
     * Runs what is not finished and returns the comparison of all variants. The label embeddings of every variant
     * that names a text encoder are made (or found) before the first variant trains, so an encoder that is not
     * installed is an error at once, not after hours of training.
     */
    ComparisonReport run(DatasetSource data, PrintStream console) throws Exception {
        List<VariantFolder.State> states = check(data);
        List<KnowledgeSetup> setups = new ArrayList<>();
        for (int i = 0; i < plan.variants().size(); i++) {
            ExperimentPlan.Variant v = plan.variants().get(i);
            if (states.get(i) == VariantFolder.State.FINISHED) {
                setups.add(null);
                continue;
            }
            Map<String, String> settings = new LinkedHashMap<>(v.settings());
            DatasetSource level = Workbench.atLevel(settings.remove(IcdLevel.SETTING), data);
            try {
                setups.add(KnowledgeSetup.prepare(settings, level, new VariantFolder(out, v.name()).run(), knowledge,
                        console));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(plan.file() + ": variant '" + v.name() + "': " + e.getMessage(), e);
            }
        }
        List<ComparisonReport.Variant> done = new ArrayList<>();
        for (int i = 0; i < plan.variants().size(); i++) {
            ExperimentPlan.Variant v = plan.variants().get(i);
            VariantFolder folder = new VariantFolder(out, v.name());
            String head = "variant " + (i + 1) + "/" + plan.variants().size() + " " + v.name();
            if (states.get(i) == VariantFolder.State.FINISHED) {
                console.println(head + ": finished before, not run again");
                done.add(folder.readResult());
                continue;
            }
            console.println(head + (states.get(i) == VariantFolder.State.STARTED ? ": resuming from its checkpoint"
                    : ": training") + " " + v.settings());
            folder.start(v.settings());
            KnowledgeSetup setup = setups.get(i);
            DatasetSource at = setup.data();
            TrainingOutcome result = bench.train(setup.settings(), at, folder.run(), true, console);
            Evaluation e = bench.evaluateDraft(result, at, new ModelRef(v.name(), null), folder.report());
            LossLog loss = LossLog.read(folder.run());
            ComparisonReport.Variant r = new ComparisonReport.Variant(v.name(), v.settings(),
                    e.intervals(plan.bootstrap()), loss.steps(), loss.trainEpochs(), loss.valEpochs(),
                    result.summary());
            folder.finish(r);
            done.add(r);
            console.println(e.summary());
            write(comparison(data, done));
        }
        ComparisonReport all = comparison(data, done);
        write(all);
        return all;
    }

    private ComparisonReport comparison(DatasetSource data, List<ComparisonReport.Variant> variants) {
        return ComparisonReport.of("RadDiag experiment " + plan.file().getFileName(), data.name(), variants);
    }

    private void write(ComparisonReport r) throws IOException {
        r.writeJson(out.resolve(JSON));
        r.writeHtml(out.resolve(HTML));
    }
}
