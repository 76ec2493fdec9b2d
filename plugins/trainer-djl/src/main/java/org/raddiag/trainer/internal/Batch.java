package org.raddiag.trainer.internal;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;

/**
 * A training or validation batch in Java arrays: images {@code (B, S, 1, H, W, D)}, modality codes {@code (B, S)},
 * slice marks {@code (B, S, D)}, key slices {@code (B, S)}, labels {@code (B, C)}. The image array is mutable (for
 * augmentation).
 */
public record Batch(float[] images, long[] shape, long[] mods, long[] marks, long[] keys, float[] labels,
        int classes) {

    public int cases() {
        return (int) shape[0];
    }

    public int slots() {
        return (int) shape[1];
    }

    /** Stacks cases that share S, H, W and D. */
    public static Batch of(List<EncodedCase> cases) {
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("empty batch");
        }
        EncodedCase first = cases.get(0);
        long[] s = first.input().images().shape();
        int n = cases.size();
        int img = first.input().images().data().length;
        int slots = first.input().slots();
        int depth = first.input().depth();
        int classes = first.labels().length;
        float[] images = new float[n * img];
        long[] mods = new long[n * slots];
        long[] marks = new long[n * slots * depth];
        long[] keys = new long[n * slots];
        float[] labels = new float[n * classes];
        for (int b = 0; b < n; b++) {
            EncodedCase c = cases.get(b);
            if (!Arrays.equals(c.input().images().shape(), s) || c.labels().length != classes) {
                throw new IllegalArgumentException("case " + b + " has input " + Arrays.toString(
                        c.input().images().shape()) + " / " + c.labels().length + " labels, expected "
                        + Arrays.toString(s) + " / " + classes);
            }
            System.arraycopy(c.input().images().data(), 0, images, b * img, img);
            System.arraycopy(c.input().modalityCodes(), 0, mods, b * slots, slots);
            System.arraycopy(c.input().sliceMask(), 0, marks, b * slots * depth, slots * depth);
            System.arraycopy(c.input().keySlices(), 0, keys, b * slots, slots);
            System.arraycopy(c.labels(), 0, labels, b * classes, classes);
        }
        long[] shape = s.clone();
        shape[0] = n;
        return new Batch(images, shape, mods, marks, keys, labels, classes);
    }

    /** Network inputs {@code images, mods, marks}, then {@code keys, labels}, created on {@code m}. */
    public NDList toNd(NDManager m) {
        long b = shape[0];
        long s = shape[1];
        long d = shape[5];
        return new NDList(m.create(images, new Shape(shape)), m.create(mods, new Shape(b, s)),
                m.create(marks, new Shape(b, s, d)), m.create(keys, new Shape(b, s)),
                m.create(labels, new Shape(b, classes)));
    }
}
