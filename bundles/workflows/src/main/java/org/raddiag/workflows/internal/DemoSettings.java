package org.raddiag.workflows.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.raddiag.dataset.phantom.PhantomSpec;

/**
 * The demo's embedded defaults: a phantom dataset and a small RadDiag variant (ResNet-18 slices, reduced width and
 * size) that trains on a 2-core CPU in a few minutes. Fixed seeds make reruns agree.
 */
final class DemoSettings {
    static final long SEED = 42;

    private DemoSettings() {
    }

    static PhantomSpec dataset() {
        return PhantomSpec.builder().seed(SEED).labels(12, 4, 4).noise(0.3).build();
    }

    /** Trainer settings (TrainingSpec keys). */
    static Map<String, String> training() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("backbone", "resnet18");
        s.put("image_size", "32");
        s.put("depth", "8");
        s.put("slots", "4");
        s.put("hidden", "64");
        s.put("fusion", "early");
        s.put("ct_window", "abdomen");
        s.put("epochs", "10");
        s.put("batchSize", "16");
        s.put("lr", "3e-3");
        s.put("weightDecay", "1e-4");
        s.put("seed", Long.toString(SEED));
        return s;
    }
}
