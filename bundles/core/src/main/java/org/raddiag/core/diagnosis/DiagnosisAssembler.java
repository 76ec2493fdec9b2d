package org.raddiag.core.diagnosis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.raddiag.api.data.Diagnosis;
import org.raddiag.api.data.Finding;
import org.raddiag.api.data.LabelSet;
import org.raddiag.api.data.SliceAttention;
import org.raddiag.api.data.FloatTensor;
import org.raddiag.api.model.ModelInput;
import org.raddiag.api.model.ModelOutput;
import org.raddiag.api.model.ModelPackage;
import org.raddiag.core.preprocess.CaseTensors;

/**
 * Turns one case's tensors into the model input and its model output into a {@link Diagnosis}: sigmoid probabilities
 * ranked, thresholds, attention. Public so that a plain-Java embedding outside OSGi diagnoses with the same code.
 */
public final class DiagnosisAssembler {
    private DiagnosisAssembler() {
    }

    /** The one-case model input (batch of 1) of {@code t}. */
    public static ModelInput input(CaseTensors t) {
        long[] s = t.images().shape();
        long[] batched = new long[s.length + 1];
        batched[0] = 1;
        System.arraycopy(s, 0, batched, 1, s.length);
        return new ModelInput(new FloatTensor(t.images().data(), batched), t.mods(), t.marks(), t.keys());
    }

    /** The diagnosis of case {@code caseId} from its model output; {@code topK} 0 keeps every class. */
    public static Diagnosis assemble(String caseId, ModelPackage pkg, String backend, CaseTensors tensors,
            ModelOutput out, int topK, Map<String, Double> timings) {
        LabelSet labels = pkg.labels();
        double[] thresholds = pkg.thresholds();
        int classes = out.classes();
        if (classes != labels.size()) {
            throw new IllegalStateException("model " + pkg.ref() + " gives " + classes + " logits for "
                    + labels.size() + " labels");
        }
        List<Finding> findings = new ArrayList<>(classes);
        float[] logits = out.logits();
        for (int c = 0; c < classes; c++) {
            findings.add(new Finding(c, labels.label(c), sigmoid(logits[c]), thresholds[c]));
        }
        findings.sort(Comparator.comparingDouble(Finding::probability).reversed().thenComparingInt(Finding::index));
        if (topK > 0 && topK < findings.size()) {
            findings = findings.subList(0, topK);
        }
        List<SliceAttention> attention = new ArrayList<>();
        List<String> sources = tensors.slotSources();
        int depth = out.depth();
        for (int s = 0; s < sources.size(); s++) {
            int valid = 0;
            for (int d = 0; d < depth; d++) {
                valid += tensors.marks()[s * depth + d] != 0 ? 1 : 0;
            }
            float[] w = Arrays.copyOfRange(out.sliceAttention(), s * depth, s * depth + valid);
            attention.add(new SliceAttention(s, sources.get(s), w));
        }
        return new Diagnosis(caseId, pkg.ref().name(), pkg.ref().version(), backend, findings, attention, timings);
    }

    /** The logistic function in double precision, on the logit clamped to [-60, 60] as the reference does. */
    static double sigmoid(float logit) {
        double z = Math.max(-60, Math.min(60, logit));
        return 1 / (1 + Math.exp(-z));
    }
}
