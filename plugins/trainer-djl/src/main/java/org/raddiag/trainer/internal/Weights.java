package org.raddiag.trainer.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.raddiag.checkpoint.StateDict;
import org.raddiag.checkpoint.StreamedTensor;
import org.raddiag.model.blocks.LoadReport;
import org.raddiag.model.blocks.RadNet;
import org.raddiag.model.blocks.StateDictLoader;

/** Network weights to and from reference-named state dicts; head replacement and backbone freezing. */
public final class Weights {
    /** Prefix of the slice-encoder parameters. */
    public static final String BACKBONE_PREFIX = "resnet2D.";
    /** The head's output layer, re-initialised when the class count changes. */
    public static final String HEAD_OUTPUT_PREFIX = "fc.2.";

    private Weights() {
    }

    /**
     * Every parameter (BatchNorm statistics included) as a float32 tensor a checkpoint writer copies out when it
     * reaches it, one at a time (a full-size model is 460 MB).
     */
    public static List<StreamedTensor> streamed(RadNet net) {
        List<StreamedTensor> out = new ArrayList<>();
        for (Map.Entry<String, Parameter> e : net.referenceParameters().entrySet()) {
            NDArray a = e.getValue().getArray();
            out.add(TensorBytes.of(e.getKey(), a, a.getShape().getShape()));
        }
        return out;
    }

    /** Loads a complete state dict (a checkpoint of the same architecture). */
    public static void restore(RadNet net, StateDict sd) {
        StateDictLoader.loadStrict(net, sd, "");
    }

    /**
     * Loads pre-trained weights for fine-tuning: every key must fit except the head's output layer {@code fc.2.*},
     * which is skipped (keeping its fresh initialisation) when its shape differs from the network's, i.e. when the
     * label set has another size.
     *
     * @return the keys left at their initial values
     */
    public static List<String> loadForFineTuning(RadNet net, StateDict sd) {
        Map<String, Parameter> params = net.referenceParameters();
        StateDict filtered = new StateDict();
        List<String> reinitialised = new ArrayList<>();
        for (String k : sd.keys()) {
            Parameter p = params.get(k);
            if (k.startsWith(HEAD_OUTPUT_PREFIX) && p != null
                    && !java.util.Arrays.equals(p.getArray().getShape().getShape(), sd.get(k).shape())) {
                reinitialised.add(k);
                continue;
            }
            filtered.put(k, sd.get(k));
        }
        LoadReport r = StateDictLoader.load(net, filtered, "",
                org.raddiag.model.blocks.ReferenceKeys::isKnownUnused);
        List<String> missing = new ArrayList<>(r.missing());
        missing.removeAll(reinitialised);
        if (!missing.isEmpty() || !r.unexpected().isEmpty()) {
            throw new IllegalArgumentException("initial weights do not fit the architecture: missing " + missing
                    + ", unexpected " + r.unexpected());
        }
        return reinitialised;
    }

    /** Freezes the slice encoder: its parameters get no gradient and are left out of the optimiser. */
    public static int freezeBackbone(RadNet net) {
        int n = 0;
        for (Map.Entry<String, Parameter> e : net.referenceParameters().entrySet()) {
            if (e.getKey().startsWith(BACKBONE_PREFIX)) {
                e.getValue().freeze(true);
                n++;
            }
        }
        return n;
    }

    /** Parameters that take gradients (not frozen, not BatchNorm statistics), by reference name. */
    public static Map<String, Parameter> trainable(RadNet net) {
        Map<String, Parameter> out = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : net.referenceParameters().entrySet()) {
            Parameter p = e.getValue();
            if (p.requiresGradient() && p.getType() != Parameter.Type.RUNNING_MEAN
                    && p.getType() != Parameter.Type.RUNNING_VAR) {
                out.put(e.getKey(), p);
            }
        }
        return out;
    }
}
