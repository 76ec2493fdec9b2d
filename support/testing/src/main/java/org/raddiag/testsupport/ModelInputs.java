package org.raddiag.testsupport;

import java.util.Arrays;
import java.util.Random;
import org.raddiag.api.data.FloatTensor;
import org.raddiag.api.model.ModelInput;

/** Model inputs of varied layouts for batching tests: filled and empty slots, padded slices, random pixels. */
public final class ModelInputs {
    private ModelInputs() {
    }

    /**
     * One case of {@code slots} slots of {@code depth} slices of {@code size x size}; the first {@code filled} slots
     * hold a scan with a random modality code (1..15), 1..depth valid slices and a key slice among them.
     */
    public static ModelInput random(Random r, int slots, int filled, int depth, int size) {
        float[] px = new float[slots * size * size * depth];
        long[] mods = new long[slots];
        long[] marks = new long[slots * depth];
        long[] keys = new long[slots];
        Arrays.fill(keys, -1);
        for (int s = 0; s < filled; s++) {
            mods[s] = 1 + r.nextInt(15);
            int valid = 1 + r.nextInt(depth);
            keys[s] = r.nextInt(valid);
            for (int d = 0; d < valid; d++) {
                marks[s * depth + d] = 1;
                for (int p = 0; p < size * size; p++) {
                    px[(s * size * size + p) * depth + d] = r.nextFloat();
                }
            }
        }
        return new ModelInput(new FloatTensor(px, 1, slots, 1, size, size, depth), mods, marks, keys);
    }
}
