package org.raddiag.workflows.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.api.model.InputEncoder;
import org.raddiag.api.model.LoadedModel;
import org.raddiag.api.model.ModelDraft;
import org.raddiag.api.model.ModelRef;
import org.raddiag.api.model.ModelRegistry;
import org.raddiag.api.model.ModelRunner;
import org.raddiag.api.train.DatasetSource;
import org.raddiag.api.train.DatasetSource.Split;
import org.raddiag.metrics.Predictions;
import org.raddiag.api.train.Trainer;
import org.raddiag.api.train.TrainingOutcome;

/** Train, evaluate and register: the steps the {@code train} and {@code demo} commands share. */
record Workbench(Trainer trainer, InputEncoder encoder, ModelRunner runner, ModelRegistry registry) {
    /** Trains (resuming from the last complete checkpoint in {@code out} when asked), with a progress bar. */
    TrainingOutcome train(Map<String, String> settings, DatasetSource data, Path out, boolean resume, PrintStream console)
            throws Exception {
        return trainer.train(data, settings, out, resume,
                new ConsoleProgress(console, System.console() != null, System::nanoTime));
    }

    /**
     * Evaluates the trained weights on the test split (thresholds fitted on the validation split), writes the report
     * into {@code reportDir} and registers the model with those thresholds.
     */
    Outcome evaluateAndRegister(TrainingOutcome result, DatasetSource data, ModelRef name, Path reportDir,
            Map<String, String> provenance) throws IOException {
        return evaluateAndRegister(result, data, name, reportDir, provenance, result.architecture(), Map.of());
    }

    /**
     * {@link #evaluateAndRegister(TrainingOutcome, DatasetSource, ModelRef, Path, Map)} registering {@code packaged}
     * as the architecture (e.g. with files named relative to the package) and with further package {@code files}.
     */
    Outcome evaluateAndRegister(TrainingOutcome result, DatasetSource data, ModelRef name, Path reportDir,
            Map<String, String> provenance, ArchitectureConfig packaged, Map<String, Path> files) throws IOException {
        Path weights = bestWeights(result);
        Evaluation eval = evaluateDraft(result, data, name, reportDir);
        double[] thresholds = new double[data.labels().size()];
        java.util.Arrays.fill(thresholds, 0.5);
        if (eval.thresholds() != null) {
            float[] t = eval.thresholds().thresholds();
            for (int i = 0; i < t.length; i++) {
                thresholds[i] = Float.isFinite(t[i]) ? Math.min(1, Math.max(0, t[i])) : 0.5;
            }
        }
        Map<String, String> p = new LinkedHashMap<>(provenance);
        p.put("trained_on", data.name());
        p.put("created", Instant.now().toString());
        p.put("thresholds", eval.thresholds() != null ? "F1max on the validation split" : "0.5 (no validation split)");
        eval.macroAuc().forEach((k, v) -> p.put("test_macro_auc_" + k, String.format("%.4f", v)));
        ModelRef ref = registry.create(new ModelDraft(freeVersion(name), packaged, data.labels(), thresholds, p, weights,
                files));
        return new Outcome(ref, eval);
    }

    /** Evaluates the trained weights on the test split (thresholds fitted on the validation split), unregistered. */
    Evaluation evaluateDraft(TrainingOutcome result, DatasetSource data, ModelRef name, Path reportDir)
            throws IOException {
        DraftModel draft = DraftModel.of(name.name(), result.architecture(), data.labels(), bestWeights(result));
        try (LoadedModel model = runner.load(draft)) {
            return evaluate(model, encoder, data, "RadDiag " + name + " on " + data.name(), reportDir);
        }
    }

    private static Path bestWeights(TrainingOutcome result) throws IOException {
        return result.bestWeights().orElseThrow(() -> new IOException("training finished no epoch, so there "
                + "is no model to evaluate"));
    }

    /**
     * {@code data} at the label level that the setting {@code level} names ({@link IcdLevel}): the disorders
     * (default) or their ICD-10 codes.
     *
     * @throws IllegalArgumentException for another level, or a disorder without a code
     */
    static DatasetSource atLevel(String level, DatasetSource data) throws IOException {
        if (level == null || level.equals(IcdLevel.DISORDERS)) {
            return data;
        }
        if (level.equals(IcdLevel.ICD10)) {
            return IcdLevel.of(data, IcdCodes.bundled()).dataset(data);
        }
        throw new IllegalArgumentException("setting level=" + level + ": use " + IcdLevel.DISORDERS + " (default) or "
                + IcdLevel.ICD10);
    }

    /**
     * The test split's evaluation over the model's labels (matched by name to the cases' labels, so a model trained
     * with labels withheld is evaluated on the labels it has), with thresholds fitted on the validation split when
     * there is one.
     */
    static Evaluation evaluate(LoadedModel model, InputEncoder encoder, DatasetSource data, String title, Path reportDir)
            throws IOException {
        return evaluate(model, encoder, data, null, title, reportDir);
    }

    /**
     * As {@link #evaluate(LoadedModel, InputEncoder, DatasetSource, String, Path)}, a disorder-level model's scores
     * aggregated to codes by {@code icd} when it is not null.
     */
    static Evaluation evaluate(LoadedModel model, InputEncoder encoder, DatasetSource data, IcdLevel icd, String title,
            Path reportDir) throws IOException {
        Predictions valid = data.caseIds(Split.VALIDATION).isEmpty() ? null
                : Predictor.predict(model, encoder, data, Split.VALIDATION);
        Predictions test = Predictor.predict(model, encoder, data, Split.TEST);
        if (icd == null) {
            return Evaluation.run(test, valid, model.model().labels(), title, reportDir);
        }
        return Evaluation.run(icd.aggregate(test), valid == null ? null : icd.aggregate(valid), icd.codes(), title,
                reportDir);
    }

    /** {@code name} with its version, or the next free patch version when that one is installed already. */
    private ModelRef freeVersion(ModelRef name) {
        String v = name.version() == null ? "1.0.0" : name.version();
        ModelRef ref = new ModelRef(name.name(), v);
        String[] p = v.split("[.-]");
        int patch = p.length > 2 && p[2].matches("\\d+") ? Integer.parseInt(p[2]) : 0;
        while (registry.list().contains(ref)) {
            patch++;
            ref = new ModelRef(name.name(), p[0] + "." + p[1] + "." + patch);
        }
        return ref;
    }

    /** The registered model and its evaluation. */
    record Outcome(ModelRef model, Evaluation evaluation) {
    }
}
