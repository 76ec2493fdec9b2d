package org.raddiag.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.testsupport.TestData;

class TorchCheckpointWriterTest {
    @TempDir
    Path tmp;

    private static StateDict sample() {
        float[] w = new float[2 * 3 * 4];
        for (int i = 0; i < w.length; i++) {
            w[i] = i * 0.25f - 3f;
        }
        StateDict sd = new StateDict();
        sd.put("module.conv.weight", TensorData.ofFloats(w, 2, 3, 4));
        sd.put("bn.num_batches_tracked", TensorData.ofLongs(new long[] {1L << 40}, new long[0]));
        sd.put("big.index", TensorData.ofLongs(new long[] {-1, 300, 70_000, -3_000_000_000L}, 4));
        sd.put("half", TensorData.ofFloats(new long[] {2}, DType.F16, new float[] {0.5f, -2f}));
        sd.putAlias("tied.weight", "module.conv.weight");
        return sd;
    }

    @Test
    void roundTripThroughTorchCheckpointKeepsOrderValuesAndAliases() throws IOException {
        StateDict sd = sample();
        Path file = tmp.resolve("pytorch_model.bin");
        TorchCheckpointWriter.write(file, sd);
        StateDict back = TorchCheckpoint.read(file);
        assertEquals(new ArrayList<>(sd.keys()), new ArrayList<>(back.keys()));
        for (String k : sd.keys()) {
            assertTrue(sd.get(k).contentEquals(back.get(k)), k);
        }
        assertEquals("module.conv.weight", back.aliasOf("tied.weight"));
        assertNull(back.aliasOf("half"));
        assertEquals(0, back.get("bn.num_batches_tracked").rank());
        assertEquals(DType.F32, back.get("half").sourceType());
        assertEquals(DType.I64, back.get("big.index").sourceType());
    }

    @Test
    void roundTripOfTheReferenceFixtureIsBitwise() throws IOException {
        StateDict sd = TorchCheckpoint.read(TestData.reference("attention1d_small", "weights.bin"));
        Path file = tmp.resolve("again.bin");
        TorchCheckpointWriter.write(file, sd, "archive");
        StateDict back = TorchCheckpoint.read(file);
        assertEquals(new ArrayList<>(sd.keys()), new ArrayList<>(back.keys()));
        assertEquals(sd.aliases(), back.aliases());
        for (String k : sd.keys()) {
            assertTrue(sd.get(k).contentEquals(back.get(k)), k);
        }
    }

    @Test
    void archiveStructureMatchesTorchSave() throws IOException {
        Path file = tmp.resolve("pytorch_model.bin");
        TorchCheckpointWriter.write(file, sample());
        byte[] bytes = Files.readAllBytes(file);
        assertEquals('P', bytes[0]);
        assertEquals('K', bytes[1]);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<String> names = new ArrayList<>();
            for (ZipEntry e : Collections.list(zip.entries())) {
                names.add(e.getName());
                assertEquals(ZipEntry.STORED, e.getMethod(), e.getName());
            }
            // 4 distinct storages: the alias shares storage 0.
            assertEquals(List.of("pytorch_model/data.pkl", "pytorch_model/byteorder", "pytorch_model/data/0",
                    "pytorch_model/data/1", "pytorch_model/data/2", "pytorch_model/data/3", "pytorch_model/version"),
                    names);
            assertEquals("3\n", new String(zip.getInputStream(zip.getEntry("pytorch_model/version")).readAllBytes(),
                    StandardCharsets.US_ASCII));
            byte[] s0 = zip.getInputStream(zip.getEntry("pytorch_model/data/0")).readAllBytes();
            assertEquals(24 * 4, s0.length);
            assertEquals(-3f, ByteBuffer.wrap(s0).order(ByteOrder.LITTLE_ENDIAN).getFloat(0));
            byte[] s1 = zip.getInputStream(zip.getEntry("pytorch_model/data/1")).readAllBytes();
            assertEquals(1L << 40, ByteBuffer.wrap(s1).order(ByteOrder.LITTLE_ENDIAN).getLong(0));

            byte[] pkl = zip.getInputStream(zip.getEntry("pytorch_model/data.pkl")).readAllBytes();
            assertEquals(0x80, pkl[0] & 0xff);
            assertEquals(2, pkl[1]);
            assertEquals('.', pkl[pkl.length - 1]);
            String text = new String(pkl, StandardCharsets.ISO_8859_1);
            assertTrue(text.startsWith("\u0080\u0002ccollections\nOrderedDict\n)R("), text);
            assertEquals(5, count(text, "ctorch._utils\n_rebuild_tensor_v2\n"));
            assertEquals(3, count(text, "ctorch\nFloatStorage\n"));
            assertEquals(2, count(text, "ctorch\nLongStorage\n"));
            // the alias and its canonical key name the same persistent storage '0'
            assertEquals(2, count(text, "FloatStorage\nX\u0001\u0000\u0000\u00000"));
        }
        assertAlignedLocalData(bytes);
    }

    @Test
    void emptyStateDictIsAValidArchive() throws IOException {
        Path file = tmp.resolve("empty.bin");
        TorchCheckpointWriter.write(file, new StateDict());
        assertEquals(0, TorchCheckpoint.read(file).size());
    }

    /** Every local file header's data starts on a 64-byte boundary. */
    private static void assertAlignedLocalData(byte[] b) {
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int at = 0;
        int entries = 0;
        while (buf.getInt(at) == 0x04034b50) {
            int size = buf.getInt(at + 18);
            int nameLen = buf.getShort(at + 26) & 0xffff;
            int extraLen = buf.getShort(at + 28) & 0xffff;
            int data = at + 30 + nameLen + extraLen;
            assertEquals(0, data % TorchCheckpointWriter.ALIGNMENT, "entry " + entries + " data at " + data);
            at = data + size;
            entries++;
        }
        assertEquals(7, entries);
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
