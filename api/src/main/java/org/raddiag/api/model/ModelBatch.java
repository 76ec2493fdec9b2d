package org.raddiag.api.model;

import java.util.ArrayList;
import java.util.List;
import org.raddiag.api.data.FloatTensor;

/**
 * The batched layout every {@link ModelRunner} accepts: model inputs of the same image size stacked into one input
 * along the case axis, and the output split back. It is part of the API because the diagnosis service batches
 * requests ({@code core}) and the runners ({@code model}, {@code onnx-export}) must agree on it. Inputs
 * with fewer slots or slices are padded as the reference pads a case: extra slots are empty (modality code 0, no
 * valid slice, key -1), extra slices are zero images with mask 0. Masked slices never reach a valid slice or the CLS
 * token (they are masked keys) and empty slots are masked in the fusion module, so in eval mode each case's result
 * does not depend on the padding or on the other cases.
 */
public final class ModelBatch {
    private ModelBatch() {
    }

    /** Whether {@code a} and {@code b} can share a forward pass (same height and width). */
    public static boolean compatible(ModelInput a, ModelInput b) {
        return a.height() == b.height() && a.width() == b.width();
    }

    /** One input holding the cases of {@code inputs} in order, padded to the largest slot and slice counts. */
    public static ModelInput stack(List<ModelInput> inputs) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("nothing to stack");
        }
        if (inputs.size() == 1) {
            return inputs.get(0);
        }
        ModelInput first = inputs.get(0);
        int h = first.height();
        int w = first.width();
        int cases = 0;
        int slots = 0;
        int depth = 0;
        for (ModelInput in : inputs) {
            if (!compatible(first, in)) {
                throw new IllegalArgumentException("cannot stack " + in.height() + "x" + in.width() + " images with "
                        + h + "x" + w);
            }
            cases += in.cases();
            slots = Math.max(slots, in.slots());
            depth = Math.max(depth, in.depth());
        }
        int pixels = h * w;
        long total = (long) cases * slots * pixels * depth;
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("stacked input too large (" + total + " values)");
        }
        float[] images = new float[(int) total];
        long[] mods = new long[cases * slots];
        long[] marks = new long[cases * slots * depth];
        long[] keys = new long[cases * slots];
        java.util.Arrays.fill(keys, -1);
        int b0 = 0;
        for (ModelInput in : inputs) {
            int s0 = in.slots();
            int d0 = in.depth();
            float[] src = in.images().data();
            for (int b = 0; b < in.cases(); b++) {
                for (int s = 0; s < s0; s++) {
                    int from = b * s0 + s;
                    int to = (b0 + b) * slots + s;
                    mods[to] = in.modalityCodes()[from];
                    keys[to] = in.keySlices()[from];
                    System.arraycopy(in.sliceMask(), from * d0, marks, to * depth, d0);
                    long srcBase = (long) from * pixels * d0;
                    long dstBase = (long) to * pixels * depth;
                    if (d0 == depth) {
                        System.arraycopy(src, (int) srcBase, images, (int) dstBase, pixels * depth);
                    } else {
                        for (int p = 0; p < pixels; p++) {
                            System.arraycopy(src, (int) (srcBase + (long) p * d0), images,
                                    (int) (dstBase + (long) p * depth), d0);
                        }
                    }
                }
            }
            b0 += in.cases();
        }
        return new ModelInput(new FloatTensor(images, cases, slots, 1, h, w, depth), mods, marks, keys);
    }

    /** The part of {@code out} (the output for {@link #stack stack(inputs)}) that belongs to each input, in order. */
    public static List<ModelOutput> split(ModelOutput out, List<ModelInput> inputs) {
        if (inputs.size() == 1) {
            return List.of(out);
        }
        int classes = out.classes();
        int slots = out.slots();
        int depth = out.depth();
        List<ModelOutput> parts = new ArrayList<>(inputs.size());
        int b0 = 0;
        for (ModelInput in : inputs) {
            int n = in.cases();
            int s0 = in.slots();
            int d0 = in.depth();
            float[] logits = new float[n * classes];
            System.arraycopy(out.logits(), b0 * classes, logits, 0, n * classes);
            float[] attention = new float[n * s0 * d0];
            for (int b = 0; b < n; b++) {
                for (int s = 0; s < s0; s++) {
                    System.arraycopy(out.sliceAttention(), ((b0 + b) * slots + s) * depth, attention,
                            (b * s0 + s) * d0, d0);
                }
            }
            parts.add(new ModelOutput(logits, attention, n, classes, s0, d0));
            b0 += n;
        }
        if (b0 != out.cases()) {
            throw new IllegalStateException("output has " + out.cases() + " cases for " + b0 + " stacked");
        }
        return parts;
    }

    /**
     * Checks what a runner would refuse, so that one bad request is refused alone instead of failing the pass it
     * would share: at least one case and slot, non-negative modality codes, finite pixels.
     */
    public static void validate(ModelInput in) {
        if (in.cases() < 1 || in.slots() < 1 || in.depth() < 1) {
            throw new IllegalArgumentException("input has no case, slot or slice");
        }
        for (long code : in.modalityCodes()) {
            if (code < 0) {
                throw new IllegalArgumentException("negative modality code " + code);
            }
        }
        for (float x : in.images().data()) {
            if (!Float.isFinite(x)) {
                throw new IllegalArgumentException("input images contain NaN or infinite values");
            }
        }
    }
}
