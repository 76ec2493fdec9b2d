package org.raddiag.onnx.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.io.OutputStream;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.onnx.Nn;

/** Large weights written as ONNX external data give ONNX Runtime the same graph as inline {@code raw_data}. */
class ExternalWeightsTest {
    @TempDir
    Path dir;

    @Test
    void externalAndInlineWeightsComputeTheSame() throws Exception {
        Random r = new Random(7);
        float[] big = new float[64 * 40]; // over MIN_FLOATS: external
        float[] small = new float[40]; // under: inline
        float[] x = new float[3 * 64];
        fill(r, big);
        fill(r, small);
        fill(r, x);
        Path inline = dir.resolve("inline.onnx");
        write(graph(null, big, small), inline);
        Path external = dir.resolve("external.onnx");
        try (ExternalWeights w = new ExternalWeights(dir.resolve("external.weights"))) {
            OnnxMl.ModelProto proto = graph(w, big, small);
            assertEquals(OnnxMl.TensorProto.DataLocation.EXTERNAL, proto.getGraph().getInitializer(0).getDataLocation());
            assertTrue(proto.getGraph().getInitializer(0).getRawData().isEmpty());
            assertEquals(OnnxMl.TensorProto.DataLocation.DEFAULT, proto.getGraph().getInitializer(1).getDataLocation());
            write(proto, external);
        }
        assertTrue(Files.size(dir.resolve("external.weights")) >= big.length * 4L);
        assertTrue(Files.size(external) < 1024, "the model file holds no large weights");
        float[] a = run(inline, x);
        float[] b = run(external, x);
        assertEquals(3 * 40, a.length);
        assertArrayEquals(a, b, 0f);
    }

    @Test
    void tensorsStartAtPageAlignedOffsets() throws Exception {
        try (ExternalWeights w = new ExternalWeights(dir.resolve("w"))) {
            ExternalWeights.Extent first = w.put(new float[1500]);
            ExternalWeights.Extent second = w.put(new float[3000]);
            assertEquals(0, first.offset());
            assertEquals(6000, first.length());
            assertEquals(8192, second.offset());
            assertEquals("w", second.location());
        }
        assertEquals(8192 + 12000, Files.size(dir.resolve("w")));
    }

    private static OnnxMl.ModelProto graph(ExternalWeights w, float[] big, float[] small) {
        ProtoGraphBuilder g = new ProtoGraphBuilder("ext", w);
        g.input("x", SingleBlock.FLOAT, "n", 64L);
        String wt = g.floats("w", big, 64, 40);
        String bias = g.floats("b", small, 40);
        g.opInto("Gemm", List.of("x", wt, bias), List.of("y"), Nn.NONE);
        g.output("y", SingleBlock.FLOAT, "n", 40L);
        return g.model("test", Map.of());
    }

    private static float[] run(Path model, float[] x) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession s = env.createSession(model.toString(), new OrtSession.SessionOptions());
                OnnxTensor in = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[] {3, 64});
                OrtSession.Result out = s.run(Map.of("x", in))) {
            float[][] y = (float[][]) out.get(0).getValue();
            float[] flat = new float[y.length * y[0].length];
            for (int i = 0; i < y.length; i++) {
                System.arraycopy(y[i], 0, flat, i * y[0].length, y[0].length);
            }
            return flat;
        }
    }

    private static void write(OnnxMl.ModelProto proto, Path target) throws Exception {
        try (OutputStream out = Files.newOutputStream(target)) {
            proto.writeTo(out);
        }
    }

    private static void fill(Random r, float[] a) {
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) r.nextGaussian();
        }
    }
}
