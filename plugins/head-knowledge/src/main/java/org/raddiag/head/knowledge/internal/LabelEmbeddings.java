package org.raddiag.head.knowledge.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.raddiag.api.io.ReadException;
import org.raddiag.checkpoint.SafetensorsFile;
import org.raddiag.checkpoint.StateDict;
import org.raddiag.checkpoint.TensorData;
import org.raddiag.support.numpy.NpyArray;
import org.raddiag.support.numpy.NpyFormat;

/**
 * One text embedding per class, {@code (classes, dim)} in C order, as read from a {@code .npy} file or a tensor of a
 * {@code .safetensors} file.
 */
record LabelEmbeddings(float[] values, int classes, int dim) {
    LabelEmbeddings {
        if ((long) classes * dim != values.length || classes < 1 || dim < 1) {
            throw new IllegalArgumentException("label embeddings " + classes + " x " + dim + " need "
                    + (long) classes * dim + " values, got " + values.length);
        }
    }

    /**
     * @param key safetensors tensor name; null = the only tensor, else {@code embeddings}
     * @throws IOException when the file cannot be read or holds no 2-D floating array
     */
    static LabelEmbeddings read(Path file, String key) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".npy")) {
            NpyArray a;
            try {
                a = NpyFormat.read(file);
            } catch (ReadException e) {
                throw new IOException(e.getMessage(), e);
            }
            if (a.ndim() != 2 || a.isIntegral()) {
                throw new IOException(file + ": label embeddings must be a 2-D floating array, got " + a.dtype()
                        + " " + java.util.Arrays.toString(a.shape()));
            }
            return new LabelEmbeddings(a.toFloatArray(), (int) a.shape()[0], (int) a.shape()[1]);
        }
        if (name.endsWith(".safetensors")) {
            StateDict sd = SafetensorsFile.read(file);
            String k = key != null ? key : sd.size() == 1 ? sd.keys().iterator().next() : "embeddings";
            TensorData t = sd.get(k);
            if (t == null || t.rank() != 2 || !t.isFloating()) {
                throw new IOException(file + ": no 2-D floating tensor '" + k + "' (tensors: " + sd.keys() + ")");
            }
            return new LabelEmbeddings(t.floats(), (int) t.shape()[0], (int) t.shape()[1]);
        }
        throw new IOException(file + ": label embeddings must be a .npy or .safetensors file");
    }

    /** Each row scaled to unit L2 norm (all-zero rows stay zero), as the reference does before its projection. */
    LabelEmbeddings normalized() {
        float[] out = new float[values.length];
        for (int c = 0; c < classes; c++) {
            double sum = 0;
            for (int e = 0; e < dim; e++) {
                double v = values[c * dim + e];
                sum += v * v;
            }
            double scale = sum > 0 ? 1 / Math.sqrt(sum) : 0;
            for (int e = 0; e < dim; e++) {
                out[c * dim + e] = (float) (values[c * dim + e] * scale);
            }
        }
        return new LabelEmbeddings(out, classes, dim);
    }
}
