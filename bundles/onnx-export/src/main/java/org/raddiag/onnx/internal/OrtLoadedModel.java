package org.raddiag.onnx.internal;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Map;
import java.util.Set;
import org.raddiag.api.model.ModelInput;
import org.raddiag.api.model.ModelOutput;
import org.raddiag.api.model.ModelPackage;
import org.raddiag.onnx.OnnxExporter;
import org.raddiag.support.engine.GatedLoadedModel;

/**
 * A RadNet on ONNX Runtime as two sessions: the slice encoder runs on at most {@link #CHUNK} valid slices at a time
 * (bounded memory, padded and masked slices skipped), then the aggregator (pooling, fusion, head) runs on the case's
 * features, masked slices' features left zero, as they are masked keys. Cases run one by one without empty slots and
 * trailing padded slices ({@link CompactCase}); skipped slices get attention 0. Closing waits for running calls.
 */
final class OrtLoadedModel extends GatedLoadedModel {
    /** Slices per encoder call (system property {@code raddiag.inference.chunk}, as for PyTorch, or 16). */
    static final int CHUNK = (int) Math.max(1, Long.getLong("raddiag.inference.chunk", 16));

    private final OrtEnvironment env;
    private final OrtSession encoder;
    private final OrtSession aggregator;
    private final int classes;
    private final int hidden;
    private final int chunk;

    /** Takes ownership of both sessions; {@code chunk} slices per encoder call. */
    OrtLoadedModel(ModelPackage model, Set<String> components, OrtEnvironment env, OrtSession encoder,
            OrtSession aggregator, int classes, int hidden, int chunk) {
        super(model, OrtModelRunner.BACKEND, components);
        this.env = env;
        this.encoder = encoder;
        this.aggregator = aggregator;
        this.classes = classes;
        this.hidden = hidden;
        this.chunk = chunk;
    }

    @Override
    protected ModelOutput forward(ModelInput in) {
        float[] logits = new float[in.cases() * classes];
        float[] attention = new float[in.cases() * in.slots() * in.depth()];
        for (int b = 0; b < in.cases(); b++) {
            try {
                runCase(in, b, logits, attention);
            } catch (OrtException e) {
                throw new IllegalStateException("ONNX Runtime failed on case " + b + " of model " + model().ref()
                        + ": " + e.getMessage(), e);
            }
        }
        return new ModelOutput(logits, attention, in.cases(), classes, in.slots(), in.depth());
    }

    private void runCase(ModelInput in, int b, float[] logits, float[] attention) throws OrtException {
        CompactCase c = CompactCase.of(in, b);
        int n = c.slots.length;
        float[] features = encode(c, in.height(), in.width());
        try (OnnxTensor feats = OnnxTensor.createTensor(env, FloatBuffer.wrap(features),
                        new long[] {1, n, c.depth, hidden});
                OnnxTensor mods = OnnxTensor.createTensor(env, LongBuffer.wrap(c.mods), new long[] {1, n});
                OnnxTensor marks = OnnxTensor.createTensor(env, LongBuffer.wrap(c.marks), new long[] {1, n, c.depth});
                OrtSession.Result r = aggregator.run(Map.of(RadNetGraph.FEATURES, feats,
                        OnnxExporter.INPUT_MODS, mods, OnnxExporter.INPUT_MARKS, marks))) {
            FloatBuffer l = ((OnnxTensor) r.get(OnnxExporter.OUTPUT_LOGITS).orElseThrow()).getFloatBuffer();
            l.get(logits, b * classes, classes);
            FloatBuffer a = ((OnnxTensor) r.get(OnnxExporter.OUTPUT_SLICE_ATTENTION).orElseThrow()).getFloatBuffer();
            for (int i = 0; i < n; i++) {
                a.get(attention, (b * in.slots() + c.slots[i]) * in.depth(), c.depth);
            }
        }
    }

    /** Features {@code (n, depth, hidden)} of the case's valid slices, encoded {@code chunk} at a time; zeros elsewhere. */
    private float[] encode(CompactCase c, int height, int width) throws OrtException {
        int depth = c.depth;
        int pixels = height * width;
        float[] features = new float[c.slots.length * depth * hidden];
        int[] rows = new int[c.marks.length];
        int valid = 0;
        for (int row = 0; row < c.marks.length; row++) {
            if (c.marks[row] != 0) {
                rows[valid++] = row;
            }
        }
        for (int from = 0; from < valid; from += chunk) {
            int k = Math.min(chunk, valid - from);
            float[] slices = new float[k * pixels];
            for (int j = 0; j < k; j++) {
                int row = rows[from + j]; // kept slot row / depth, slice row % depth
                c.slice(row / depth, row % depth, slices, j * pixels);
            }
            try (OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(slices), new long[] {k, 1, height, width});
                    OrtSession.Result r = encoder.run(Map.of(RadNetGraph.INPUT_SLICES, x))) {
                FloatBuffer f = ((OnnxTensor) r.get(RadNetGraph.FEATURES).orElseThrow()).getFloatBuffer();
                for (int j = 0; j < k; j++) {
                    f.get(features, rows[from + j] * hidden, hidden);
                }
            }
        }
        return features;
    }

    @Override
    protected void release() {
        try (OrtSession e = encoder; OrtSession a = aggregator) {
            // both closed, the aggregator first
        } catch (OrtException e) {
            throw new IllegalStateException("closing the ONNX Runtime sessions failed: " + e.getMessage(), e);
        }
    }
}
