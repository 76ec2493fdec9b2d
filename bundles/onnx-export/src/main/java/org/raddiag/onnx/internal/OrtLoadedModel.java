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
 * A RadNet ONNX session. {@link #predict} runs case by case without empty slots and trailing padded slices
 * ({@link CompactCase}); skipped slices get attention 0, as masked ones do. Closing waits for running calls.
 */
final class OrtLoadedModel extends GatedLoadedModel {
    private final OrtEnvironment env;
    private final OrtSession session;
    private final int classes;

    /** Takes ownership of {@code session}. */
    OrtLoadedModel(ModelPackage model, Set<String> components, OrtEnvironment env, OrtSession session, int classes) {
        super(model, OrtModelRunner.BACKEND, components);
        this.env = env;
        this.session = session;
        this.classes = classes;
    }

    @Override
    protected ModelOutput forward(ModelInput in) {
        float[] logits = new float[in.cases() * classes];
        float[] attention = new float[in.cases() * in.slots() * in.depth()];
        for (int b = 0; b < in.cases(); b++) {
            runCase(in, b, logits, attention);
        }
        return new ModelOutput(logits, attention, in.cases(), classes, in.slots(), in.depth());
    }

    private void runCase(ModelInput in, int b, float[] logits, float[] attention) {
        CompactCase c = CompactCase.of(in, b);
        int n = c.slots.length;
        try (OnnxTensor images = OnnxTensor.createTensor(env, FloatBuffer.wrap(c.images), c.imageShape(in));
                OnnxTensor mods = OnnxTensor.createTensor(env, LongBuffer.wrap(c.mods), new long[] {1, n});
                OnnxTensor marks = OnnxTensor.createTensor(env, LongBuffer.wrap(c.marks), new long[] {1, n, c.depth});
                OrtSession.Result r = session.run(Map.of(OnnxExporter.INPUT_IMAGES, images,
                        OnnxExporter.INPUT_MODS, mods, OnnxExporter.INPUT_MARKS, marks))) {
            FloatBuffer l = ((OnnxTensor) r.get(OnnxExporter.OUTPUT_LOGITS).orElseThrow()).getFloatBuffer();
            l.get(logits, b * classes, classes);
            FloatBuffer a = ((OnnxTensor) r.get(OnnxExporter.OUTPUT_SLICE_ATTENTION).orElseThrow()).getFloatBuffer();
            for (int i = 0; i < n; i++) {
                a.get(attention, (b * in.slots() + c.slots[i]) * in.depth(), c.depth);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed on case " + b + " of model " + model().ref() + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    protected void release() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("closing the ONNX Runtime session failed: " + e.getMessage(), e);
        }
    }
}
