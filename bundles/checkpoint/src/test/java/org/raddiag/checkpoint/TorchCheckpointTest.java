package org.raddiag.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.checkpoint.testutil.PickleBuilder;
import org.raddiag.testsupport.TestData;

class TorchCheckpointTest {
    @TempDir
    Path tmp;

    @Test
    void readsAttention1dFixtureWithAliases() throws IOException {
        StateDict sd = TorchCheckpoint.read(TestData.reference("attention1d_small", "weights.bin"));
        assertEquals(48, sd.size());
        assertEquals(12, sd.aliases().size());
        assertEquals("cls_token", sd.keys().iterator().next());
        sd.require("pos_emb", 9, 64);
        sd.require("transformer_encoder.encoder.layers.0.self_attn.linears.0.weight", 64, 64);
        String alias = "transformer_encoder.encoder_layer.self_attn.linears.0.weight";
        assertEquals("transformer_encoder.multi_headed_attention.linears.0.weight", sd.aliasOf(alias));
        assertSame(sd.get(alias), sd.get(sd.aliasOf(alias)));
        assertNull(sd.aliasOf("cls_token"));
    }

    @Test
    void headFixtureKeysAndShapes() throws IOException {
        StateDict sd = TorchCheckpoint.read(TestData.reference("head_mlp_small", "weights.bin"));
        assertEquals(java.util.List.of("0.weight", "0.bias", "2.weight", "2.bias"), new java.util.ArrayList<>(sd.keys()));
        sd.require("2.weight", 10, 64);
        assertEquals(DType.F32, sd.get("0.bias").sourceType());
    }

    @Test
    void maliciousGlobalIsRefusedAndNothingRuns() throws IOException {
        Path marker = tmp.resolve("pwned");
        byte[] pickle = new PickleBuilder().proto(2).global("os", "system").mark()
                .unicode("touch " + marker).tuple().reduce().stop().bytes();
        Path file = tmp.resolve("evil.bin");
        PickleBuilder.writeArchive(file, "archive", pickle, Map.of());
        CheckpointException e = assertThrows(CheckpointException.class, () -> TorchCheckpoint.read(file));
        assertTrue(e.getMessage().contains("os.system"), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertFalse(Files.exists(marker));
    }

    @Test
    void stackGlobalEvalIsRefused() throws IOException {
        byte[] pickle = new PickleBuilder().proto(4).shortUnicode("builtins").shortUnicode("eval").op(0x93)
                .shortUnicode("1+1").op(0x85).reduce().stop().bytes();
        Path file = tmp.resolve("eval.bin");
        PickleBuilder.writeArchive(file, "m", pickle, Map.of());
        CheckpointException e = assertThrows(CheckpointException.class, () -> TorchCheckpoint.read(file));
        assertTrue(e.getMessage().contains("builtins.eval"), e.getMessage());
    }

    @Test
    void reduceOnAllowedNonCallableAndNewobjAreRefused() throws IOException {
        byte[] callStorage = new PickleBuilder().proto(2).global("torch", "FloatStorage").emptyTuple().reduce()
                .stop().bytes();
        Path a = tmp.resolve("a.bin");
        PickleBuilder.writeArchive(a, "a", callStorage, Map.of());
        CheckpointException e = assertThrows(CheckpointException.class, () -> TorchCheckpoint.read(a));
        assertTrue(e.getMessage().contains("torch.FloatStorage"), e.getMessage());

        byte[] newobj = new PickleBuilder().proto(2).global("collections", "OrderedDict").emptyTuple().op(0x81)
                .stop().bytes();
        Path b = tmp.resolve("b.bin");
        PickleBuilder.writeArchive(b, "b", newobj, Map.of());
        e = assertThrows(CheckpointException.class, () -> TorchCheckpoint.read(b));
        assertTrue(e.getMessage().contains("NEWOBJ"), e.getMessage());
    }

    @Test
    void stridedViewOffsetAndAliasesAreResolved() throws IOException {
        // storage 0: 8 floats 0..7. 'a' = rows 1..2 transposed view: size (2,3), stride (1,2), offset 1.
        PickleBuilder p = new PickleBuilder().proto(2).global("collections", "OrderedDict").emptyTuple().reduce()
                .mark();
        p.unicode("t").tensor("FloatStorage", "0", 8, 1, new int[] {2, 3}, new int[] {1, 2});
        p.unicode("u").tensor("FloatStorage", "0", 8, 1, new int[] {2, 3}, new int[] {1, 2});
        p.unicode("c").tensor("FloatStorage", "0", 8, 2, new int[] {4}, new int[] {1});
        p.unicode("n").tensor("LongStorage", "1", 2, 0, new int[] {}, new int[] {});
        p.op('u').stop();
        Map<String, byte[]> storages = new LinkedHashMap<>();
        ByteBuffer f = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 8; i++) {
            f.putFloat(i);
        }
        storages.put("0", f.array());
        storages.put("1", ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(-7).putLong(9).array());
        Path file = tmp.resolve("views.bin");
        PickleBuilder.writeArchive(file, "views", p.bytes(), storages);

        StateDict sd = TorchCheckpoint.read(file);
        assertArrayEquals(new float[] {1, 3, 5, 2, 4, 6}, sd.get("t").floats());
        assertEquals("t", sd.aliasOf("u"));
        assertArrayEquals(new float[] {2, 3, 4, 5}, sd.get("c").floats());
        assertNull(sd.aliasOf("c"));
        assertArrayEquals(new long[] {-7}, sd.get("n").longs());
        assertEquals(0, sd.get("n").rank());
    }

    /** A one-tensor checkpoint whose 16-byte storage entry cannot hold what the tensor claims. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"storage larger than its entry, 100000000, 0, 100000000, zip entry holds 16",
        "view beyond its storage, 4, 2, 3, beyond its storage"})
    void aTensorItsStorageCannotHoldIsRefusedBeforeAllocation(String what, int numel, int offset, int size,
            String expected) throws IOException {
        PickleBuilder p = new PickleBuilder().proto(2).global("collections", "OrderedDict").emptyTuple().reduce();
        p.unicode("w").tensor("FloatStorage", "0", numel, offset, new int[] {size}, new int[] {1});
        p.op('s').stop();
        Path file = tmp.resolve("w.bin");
        PickleBuilder.writeArchive(file, "w", p.bytes(), Map.of("0", new byte[16]));
        CheckpointException e = assertThrows(CheckpointException.class, () -> TorchCheckpoint.read(file));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void legacyFormatIsRejected() throws IOException {
        Path file = tmp.resolve("legacy.bin");
        Files.write(file, new byte[] {(byte) 0x80, 2, (byte) 0x8a, 0x0a});
        CheckpointException e = assertThrows(CheckpointException.class, () -> TorchCheckpoint.read(file));
        assertTrue(e.getMessage().contains("legacy"), e.getMessage());
    }

    @Test
    void valuesMatchSafetensorsBitwise() throws IOException {
        for (String fixture : new String[] {"attention1d_small", "vitfuse_small", "head_mlp_small"}) {
            StateDict bin = TorchCheckpoint.read(TestData.reference(fixture, "weights.bin"));
            StateDict st = SafetensorsFile.read(TestData.reference(fixture, "weights.safetensors"));
            assertEquals(new java.util.TreeSet<>(bin.keys()), new java.util.TreeSet<>(st.keys()), fixture);
            assertEquals(new java.util.TreeMap<>(bin.aliases()), new java.util.TreeMap<>(st.aliases()), fixture);
            for (String k : bin.keys()) {
                assertTrue(bin.get(k).contentEquals(st.get(k)), fixture + " " + k);
            }
        }
    }
}
