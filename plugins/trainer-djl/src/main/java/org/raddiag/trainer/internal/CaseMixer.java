package org.raddiag.trainer.internal;

import org.raddiag.api.data.FloatTensor;
import org.raddiag.api.model.ModelInput;

/**
 * Case mixing of the reference ({@code RadNet_Dataset_earlyAna}, A.1.5): the training input gets 2 x S slots; the
 * first case fills the first S, a second case (drawn with probability 0.3 in the reference) the next S, otherwise
 * they stay empty (code 0, no valid slice, key -1). Labels are the union. The reference draws the second case from
 * a different anatomy; the API's cases carry no anatomy, so the caller draws uniformly among the other cases.
 */
public final class CaseMixer {
    private CaseMixer() {
    }

    /** {@code a} followed by {@code b}'s slots, or by S empty slots when {@code b} is null. */
    public static EncodedCase mix(EncodedCase a, EncodedCase b) {
        ModelInput x = a.input();
        long[] s = x.images().shape();
        int slots = x.slots();
        int depth = x.depth();
        int img = x.images().data().length;
        float[] images = new float[2 * img];
        long[] mods = new long[2 * slots];
        long[] marks = new long[2 * slots * depth];
        long[] keys = new long[2 * slots];
        float[] labels = a.labels().clone();
        System.arraycopy(x.images().data(), 0, images, 0, img);
        System.arraycopy(x.modalityCodes(), 0, mods, 0, slots);
        System.arraycopy(x.sliceMask(), 0, marks, 0, slots * depth);
        System.arraycopy(x.keySlices(), 0, keys, 0, slots);
        if (b == null) {
            java.util.Arrays.fill(keys, slots, 2 * slots, -1L);
        } else {
            ModelInput y = b.input();
            if (!java.util.Arrays.equals(y.images().shape(), s) || b.labels().length != labels.length) {
                throw new IllegalArgumentException("cases to mix differ in input shape or label count");
            }
            System.arraycopy(y.images().data(), 0, images, img, img);
            System.arraycopy(y.modalityCodes(), 0, mods, slots, slots);
            System.arraycopy(y.sliceMask(), 0, marks, slots * depth, slots * depth);
            System.arraycopy(y.keySlices(), 0, keys, slots, slots);
            for (int i = 0; i < labels.length; i++) {
                labels[i] = Math.max(labels[i], b.labels()[i]);
            }
        }
        long[] shape = s.clone();
        shape[1] = 2L * slots;
        return new EncodedCase(new ModelInput(new FloatTensor(images, shape), mods, marks, keys), labels);
    }
}
