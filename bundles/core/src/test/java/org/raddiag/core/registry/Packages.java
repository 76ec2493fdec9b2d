package org.raddiag.core.registry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.raddiag.api.data.LabelSet;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.checkpoint.StateDict;
import org.raddiag.checkpoint.TensorData;

/** A small valid package spec and weights for tests. */
final class Packages {
    static final int CLASSES = 5;

    private Packages() {
    }

    static PackageSpec spec(String name, String version) {
        ArchitectureConfig arch = new ArchitectureConfig(Map.of(ArchitectureConfig.BACKBONE, "resnet18",
                ArchitectureConfig.IMAGE_SIZE, "32", ArchitectureConfig.DEPTH, "4", ArchitectureConfig.SLOTS, "2",
                ArchitectureConfig.HIDDEN, "16", ArchitectureConfig.CLASSES, Integer.toString(CLASSES),
                ArchitectureConfig.FUSION, "early", ArchitectureConfig.HEAD, "mlp"));
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < CLASSES; i++) {
            labels.add(i == 0 ? "Normal" : "Disorder " + i);
        }
        double[] thresholds = new double[CLASSES];
        Arrays.fill(thresholds, 0.5);
        thresholds[1] = 0.25;
        return new PackageSpec(name, version, arch, PackageSpec.inputOf(arch), new LabelSet("disorders", labels, 2, 1),
                thresholds, Map.of("source", "unit test", "thresholds", "0.5 per class"));
    }

    static StateDict weights() {
        StateDict sd = new StateDict();
        sd.put("fc.0.weight", TensorData.ofFloats(new float[] {1, 2, 3, 4, 5, 6}, 2, 3));
        sd.put("fc.0.bias", TensorData.ofFloats(new float[] {0.5f, -0.5f}, 2));
        sd.put("bn.num_batches_tracked", TensorData.ofLongs(new long[] {7}));
        return sd;
    }
}
