package org.raddiag.core.diagnosis.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.raddiag.api.model.ModelInput;
import org.raddiag.api.model.ModelOutput;
import org.raddiag.testsupport.ModelInputs;

/**
 * The fake network of {@link MicroBatcherTest}, whose outputs depend only on each case (logits: pixel sum and
 * valid-slice count; attention: the first pixel of every slice), so a batched result must equal the unbatched one
 * exactly; and the inputs it is given.
 */
final class CaseSumNetwork {
    private CaseSumNetwork() {
    }

    /** The fake network's answer, not counted as a pass. */
    static ModelOutput reference(ModelInput in) {
        for (long code : in.modalityCodes()) {
            if (code == 9) {
                throw new IllegalArgumentException("modality code 9 is not supported");
            }
        }
        int b = in.cases();
        int s = in.slots();
        int d = in.depth();
        int pixels = in.height() * in.width();
        float[] logits = new float[b * 2];
        float[] att = new float[b * s * d];
        float[] px = in.images().data();
        for (int c = 0; c < b; c++) {
            double sum = 0;
            for (int i = c * s * pixels * d; i < (c + 1) * s * pixels * d; i++) {
                sum += px[i];
            }
            int valid = 0;
            for (int j = 0; j < s; j++) {
                valid += in.validSlices(c, j);
                for (int z = 0; z < d; z++) {
                    att[(c * s + j) * d + z] = px[((c * s + j) * pixels) * d + z];
                }
            }
            logits[c * 2] = (float) sum;
            logits[c * 2 + 1] = valid;
        }
        return new ModelOutput(logits, att, b, 2, s, d);
    }

    static ModelInput input(int i) {
        // varied slots and depths, so stacking has to pad
        return ModelInputs.random(new Random(i), 1 + i % 3, 1 + i % 2 % (1 + i % 3), 2 + i % 4, 3);
    }

    /** input(0) .. input(n - 1), to be changed at will. */
    static List<ModelInput> inputs(int n) {
        List<ModelInput> in = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            in.add(input(i));
        }
        return in;
    }

    static void assertSameOutput(ModelOutput want, ModelOutput got) {
        assertEquals(want.cases(), got.cases());
        assertEquals(want.slots(), got.slots());
        assertEquals(want.depth(), got.depth());
        assertArrayEquals(want.logits(), got.logits(), 1e-5f);
        assertArrayEquals(want.sliceAttention(), got.sliceAttention(), 1e-5f);
    }
}
