package org.raddiag.head.knowledge.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.model.blocks.RadNet;
import org.raddiag.model.blocks.RadNetConfig;
import org.raddiag.testsupport.Components;
import org.raddiag.onnx.Weights;
import org.raddiag.onnx.testing.OrtRun;
import org.raddiag.onnx.BlockConverter;
import org.raddiag.onnx.OnnxExporters;

/** RadNet with the knowledge head, exported with this plugin's converter, gives PyTorch's probabilities in ORT. */
class KnowledgeHeadConverterTest {
    private static final ArchitectureConfig RESNET18 = new ArchitectureConfig(java.util.Map.of());

    private static final int B = 2;
    private static final int S = 2;
    private static final int D = 2;
    private static final int SIZE = 32;
    private static final int CLASSES = 3;

    @TempDir
    Path dir;

    private ArchitectureConfig arch() throws Exception {
        KnowledgeHeadComponentTest.writeNpy(dir.resolve("labels.npy"), KnowledgeHeadBlockTest.random(7, CLASSES * 5),
                CLASSES, 5);
        return ArchitectureConfig.referenceDefault().with("image_size", Integer.toString(SIZE))
                .with("depth", Integer.toString(D)).with("slots", Integer.toString(S)).with("hidden", "8")
                .with("classes", Integer.toString(CLASSES)).with("backbone", "resnet18").with("head", "knowledge")
                .with("head.embeddings", "labels.npy").with("package.dir", dir.toString());
    }

    @Test
    void onnxGraphAgreesWithPyTorch() throws Exception {
        ArchitectureConfig arch = arch();
        Random r = new Random(4);
        float[] images = new float[B * S * SIZE * SIZE * D];
        for (int i = 0; i < images.length; i++) {
            images[i] = r.nextFloat();
        }
        long[] mods = {2, 4, 5, 0};
        long[] marks = {1, 1, 1, 0, 1, 1, 0, 0};
        float[] djl;
        Weights.Builder w = Weights.builder();
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(3);
            Block head = new KnowledgeHeadComponent().build(Block.class, arch);
            RadNet net = RadNet.assemble(RadNetConfig.from(arch), Components.backbone("resnet18").build(Block.class, RESNET18), 512, head);
            net.initialize(m, DataType.FLOAT32, new Shape(B, S, 1, SIZE, SIZE, D), new Shape(B, S), new Shape(B, S, D));
            for (Map.Entry<String, Parameter> p : net.referenceParameters().entrySet()) {
                NDArray a = p.getValue().getArray();
                w.put(p.getKey(), a.toFloatArray(), a.getShape().getShape());
            }
            float[] marksF = new float[marks.length];
            for (int i = 0; i < marks.length; i++) {
                marksF[i] = marks[i];
            }
            djl = net.forward(new ParameterStore(m, false), new NDList(m.create(images, new Shape(B, S, 1, SIZE, SIZE,
                    D)), m.create(mods, new Shape(B, S)), m.create(marksF, new Shape(B, S, D))), false).get(0)
                    .toFloatArray();
        }
        byte[] model = OnnxExporters.standalone(Components.all(BlockConverter.class), java.util.List.of()).export(arch, w.build());
        float[] ort = run(model, images, mods, marks);
        double dp = 0;
        double scale = 1;
        for (int i = 0; i < djl.length; i++) {
            dp = Math.max(dp, Math.abs(sigmoid(djl[i]) - sigmoid(ort[i])));
            scale = Math.max(scale, Math.abs(djl[i]));
        }
        double dl = 0;
        for (int i = 0; i < djl.length; i++) {
            dl = Math.max(dl, Math.abs(djl[i] - ort[i]) / scale);
        }
        System.out.printf("[knowledge onnx] max |probability diff| %.3g, max relative logit diff %.3g%n", dp, dl);
        assertTrue(dp <= 1e-4, "probabilities differ by " + dp);
        assertTrue(dl <= 1e-4, "logits differ by " + dl + " of their scale");
    }

    @Test
    void embeddingsThatDoNotFitTheWeightsAreRefused() throws Exception {
        ArchitectureConfig arch = arch();
        Weights w = Weights.builder().put("fcke.weight", new float[8 * 6], 8, 6).put("fcke.bias", new float[8], 8)
                .build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new KnowledgeHeadConverter()
                .emit(null, new org.raddiag.onnx.BlockCall("fc", arch, w, java.util.List.of("x"),
                        java.util.List.of("y"))));
        assertTrue(e.getMessage().contains("width 5"), e.getMessage());
    }

    private static float[] run(byte[] model, float[] images, long[] mods, long[] marks) throws Exception {
        return OrtRun.radNet(model, images, new long[] {B, S, 1, SIZE, SIZE, D}, mods, marks).get("logits");
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
