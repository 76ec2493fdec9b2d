package org.raddiag.metrics.internal;

import java.nio.file.Path;
import java.util.Arrays;
import org.raddiag.api.io.ReadException;
import org.raddiag.api.io.ReadException.Reason;
import org.raddiag.metrics.Predictions;
import org.raddiag.support.numpy.NpyArray;
import org.raddiag.support.numpy.NpyFormat;

/** Loads saved {@code (N, C)} predictions with the NumPy reader plugin. */
public final class NpyPredictions {
    private NpyPredictions() {
    }

    /** Reads scores (or logits) and labels; both must be 2-D with the same shape, labels 0/1. */
    public static Predictions load(Path valuesNpy, Path labelsNpy, boolean logits) throws ReadException {
        NpyArray values = NpyFormat.read(valuesNpy);
        NpyArray labels = NpyFormat.read(labelsNpy);
        if (values.ndim() != 2) {
            throw new ReadException(valuesNpy, Reason.UNSUPPORTED, "expected a 2-D (cases, classes) array, shape "
                    + Arrays.toString(values.shape()));
        }
        if (!Arrays.equals(values.shape(), labels.shape())) {
            throw new ReadException(labelsNpy, Reason.CORRUPT, "label shape " + Arrays.toString(labels.shape())
                    + " differs from " + Arrays.toString(values.shape()));
        }
        int n = (int) values.shape()[0];
        int c = (int) values.shape()[1];
        float[] y = new float[labels.size()];
        double[] raw = labels.toDoubleArray();
        for (int i = 0; i < y.length; i++) {
            if (raw[i] != 0.0 && raw[i] != 1.0) {
                throw new ReadException(labelsNpy, Reason.CORRUPT, "label " + raw[i] + " at case " + i / c
                        + ", class " + i % c + " is neither 0 nor 1");
            }
            y[i] = (float) raw[i];
        }
        float[] v = values.toFloatArray();
        for (int i = 0; i < v.length; i++) {
            if (Float.isNaN(v[i])) {
                throw new ReadException(valuesNpy, Reason.CORRUPT, "NaN at case " + i / c + ", class " + i % c);
            }
        }
        return logits ? Predictions.fromLogits(n, c, v, y) : Predictions.fromScores(n, c, v, y);
    }
}
