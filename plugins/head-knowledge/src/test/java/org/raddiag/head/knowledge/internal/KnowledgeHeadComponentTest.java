package org.raddiag.head.knowledge.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.checkpoint.SafetensorsFile;
import org.raddiag.checkpoint.StateDict;
import org.raddiag.checkpoint.TensorData;
import org.raddiag.model.blocks.RadNet;
import org.raddiag.model.blocks.RadNetConfig;
import org.raddiag.testsupport.Components;

class KnowledgeHeadComponentTest {
    private static final ArchitectureConfig RESNET18 = new ArchitectureConfig(java.util.Map.of());

    private static final float[] EMB = KnowledgeHeadBlockTest.random(7, 3 * 5);
    @TempDir
    Path dir;

    static void writeNpy(Path file, float[] v, int rows, int cols) throws IOException {
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + rows + ", " + cols + "), }";
        int pad = 64 - (10 + dict.length() + 1) % 64;
        byte[] header = (dict + " ".repeat(pad % 64) + "\n").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer buf = ByteBuffer.allocate(10 + header.length + 4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        buf.putShort((short) header.length).put(header);
        for (float f : v) {
            buf.putFloat(f);
        }
        Files.write(file, buf.array());
    }

    private static ArchitectureConfig arch(String file, String... more) {
        Map<String, String> m = new java.util.TreeMap<>(Map.of("hidden", "8", "classes", "3", "depth", "2",
                "backbone", "resnet18", "fusion", "late", "head", "knowledge", "head.embeddings", file));
        for (int i = 0; i < more.length; i += 2) {
            m.put(more[i], more[i + 1]);
        }
        return new ArchitectureConfig(m);
    }

    private static float[] logits(Block head, long seed) {
        try (NDManager m = NDManager.newBaseManager()) {
            head.initialize(m, DataType.FLOAT32, new Shape(2, 8));
            Map<String, Parameter> p = org.raddiag.model.blocks.ReferenceBlock.referenceParameters(head);
            p.get("fcke.weight").getArray().set(KnowledgeHeadBlockTest.random(seed, 8 * 5));
            p.get("fcke.bias").getArray().set(KnowledgeHeadBlockTest.random(seed + 1, 8));
            return head.forward(new ParameterStore(m, false),
                    new NDList(m.create(KnowledgeHeadBlockTest.random(9, 16), new Shape(2, 8))), false)
                    .head().toFloatArray();
        }
    }

    @Test
    void aRecordedSha256MustMatchTheFile() throws IOException {
        Path file = dir.resolve("labels.npy");
        writeNpy(file, EMB, 3, 5);
        String sha = org.raddiag.checkpoint.Checksums.sha256(file);
        KnowledgeHeadComponent c = new KnowledgeHeadComponent();
        assertEquals(6, logits(c.build(Block.class, arch(file.toString(), KnowledgeHeadComponent.SHA256, sha)), 1)
                .length);
        float[] changed = EMB.clone();
        changed[0] += 1;
        writeNpy(file, changed, 3, 5);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> c.build(Block.class, arch(file.toString(), KnowledgeHeadComponent.SHA256, sha)));
        assertTrue(e.getMessage().contains("do not match the SHA-256"), e.getMessage());
    }

    @Test
    void readsNpyAndSafetensorsRelativeToThePackage() throws IOException {
        KnowledgeHeadComponent c = new KnowledgeHeadComponent();
        assertEquals("knowledge", c.name());
        assertTrue(c.supports(Block.class));
        assertFalse(c.supports(String.class));
        writeNpy(dir.resolve("labels.npy"), EMB, 3, 5);
        StateDict sd = new StateDict().put("other", TensorData.ofFloats(new float[2], 2))
                .put("embeddings", TensorData.ofFloats(EMB, 3, 5));
        SafetensorsFile.write(dir.resolve("labels.safetensors"), sd, Map.of());

        float[] npy = logits(c.build(Block.class, arch("labels.npy", "package.dir", dir.toString())), 1);
        float[] st = logits(c.build(Block.class, arch(dir.resolve("labels.safetensors").toString())), 1);
        assertArrayEquals(npy, st, 0f);
        assertEquals(6, npy.length);
        assertThrows(UnsupportedOperationException.class, () -> c.build(String.class, arch("labels.npy")));
    }

    @Test
    void normalisesRowsUnlessTurnedOff() throws IOException {
        KnowledgeHeadComponent c = new KnowledgeHeadComponent();
        float[] scaled = EMB.clone();
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] *= 1 + i / 5; // row r scaled by r + 1
        }
        writeNpy(dir.resolve("a.npy"), EMB, 3, 5);
        writeNpy(dir.resolve("b.npy"), scaled, 3, 5);
        String a = dir.resolve("a.npy").toString();
        String b = dir.resolve("b.npy").toString();
        assertArrayEquals(logits(c.build(Block.class, arch(a)), 4), logits(c.build(Block.class, arch(b)), 4), 1e-5f);
        float[] rawA = logits(c.build(Block.class, arch(a, "head.normalize", "false")), 4);
        float[] rawB = logits(c.build(Block.class, arch(b, "head.normalize", "false")), 4);
        assertTrue(Math.abs(rawA[1] - rawB[1]) > 1e-3f);
    }

    @Test
    void refusesWrongClassCountAndUnreadableFiles() throws IOException {
        KnowledgeHeadComponent c = new KnowledgeHeadComponent();
        writeNpy(dir.resolve("labels.npy"), EMB, 3, 5);
        String f = dir.resolve("labels.npy").toString();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> c.build(Block.class, arch(f, "classes", "4")));
        assertTrue(e.getMessage().contains("3 rows"), e.getMessage());
        Files.writeString(dir.resolve("labels.txt"), "x");
        assertThrows(IllegalArgumentException.class,
                () -> c.build(Block.class, arch(dir.resolve("labels.txt").toString())));
        assertThrows(IllegalArgumentException.class,
                () -> c.build(Block.class, arch(dir.resolve("missing.npy").toString())));
    }

    @Test
    void plugsIntoRadNetUnderFc() throws IOException {
        writeNpy(dir.resolve("labels.npy"), EMB, 3, 5);
        ArchitectureConfig a = arch(dir.resolve("labels.npy").toString());
        Block head = new KnowledgeHeadComponent().build(Block.class, a);
        try (NDManager m = NDManager.newBaseManager()) {
            RadNet net = RadNet.assemble(RadNetConfig.from(a), Components.backbone("resnet18").build(Block.class, RESNET18), 512, head);
            Shape images = new Shape(2, 1, 1, 32, 32, 2);
            net.initialize(m, DataType.FLOAT32, images, new Shape(2, 1), new Shape(2, 1, 2));
            assertTrue(net.referenceParameters().containsKey("fc.fcke.weight"));
            NDList out = net.forward(new ParameterStore(m, false), new NDList(m.ones(images), m.ones(new Shape(2, 1)),
                    m.ones(new Shape(2, 1, 2))), false);
            assertArrayEquals(new long[] {2, 3}, out.get(0).getShape().getShape());
        }
    }
}
