package org.raddiag.reader.numpy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.raddiag.api.data.Modality;
import org.raddiag.api.data.Scan;
import org.raddiag.api.data.Volume;
import org.raddiag.api.io.ReadException;
import org.raddiag.api.io.ReadException.Reason;
import org.raddiag.api.io.ReadOptions;
import org.raddiag.testsupport.NpySamples;
import org.raddiag.testsupport.TestData;

class NumpyReaderTest {
    private final NumpyReader reader = new NumpyReader();

    private static void assertYxz(Volume v, int h, int w, int d) {
        assertEquals(w, v.width());
        assertEquals(h, v.height());
        assertEquals(d, v.depth());
        for (int z = 0; z < d; z++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    assertEquals(100 * y + 10 * x + z, v.get(x, y, z), "(" + x + "," + y + "," + z + ")");
                }
            }
        }
    }

    @Test
    void mapsHwdArraysToVolumesInEitherOrder() throws Exception {
        for (String f : List.of("i2_c.npy", "f4_be_fortran.npy", "v3_f4.npy")) {
            List<Scan> scans = reader.read(NpySamples.get(f), ReadOptions.defaults());
            assertEquals(1, scans.size());
            assertYxz(scans.get(0).volume(), 3, 4, 2);
            assertEquals(Modality.CT, scans.get(0).modality());
            assertTrue(scans.get(0).source().endsWith(f));
        }
    }

    @Test
    void twoDimensionalArrayIsOneSlice() throws Exception {
        Volume v = reader.read(NpySamples.get("u1_2d.npy"), ReadOptions.defaults()).get(0).volume();
        assertEquals(7, v.width());
        assertEquals(5, v.height());
        assertEquals(1, v.depth());
        assertEquals((100 * 4 + 10 * 6) % 256, v.get(6, 4, 0));
        assertEquals(10 * 3, v.get(3, 0, 0));
    }

    @Test
    void npzMembersBecomeNamedScans() throws Exception {
        List<Scan> scans = reader.read(NpySamples.get("compressed.npz"),
                ReadOptions.defaults().withModalityHint(Modality.MRI));
        assertEquals(2, scans.size());
        assertEquals("compressed.npz:first", scans.get(0).source());
        assertEquals("compressed.npz:second", scans.get(1).source());
        assertEquals(Modality.MRI, scans.get(1).modality());
        assertYxz(scans.get(0).volume(), 3, 4, 2);
        assertYxz(reader.read(NpySamples.get("stored.npz"), ReadOptions.defaults()).get(0).volume(), 3, 4, 2);
    }

    @Test
    void readsRp3dDemoImage() throws Exception {
        Path f = TestData.path("rp3d-demo/DemoData/data/149462.npy");
        assertTrue(reader.accepts(f));
        Volume v = reader.read(f, ReadOptions.defaults()).get(0).volume();
        assertEquals(256, v.width());
        assertEquals(256, v.height());
        assertEquals(3, v.depth());
        assertEquals(246.3125, v.statistics().max());
        // an RGB-replicated X-ray: the three slices are identical
        assertEquals(java.util.Arrays.toString(v.slice(0)), java.util.Arrays.toString(v.slice(2)));
    }

    @Test
    void refusesNonImageShapesAndLimits() {
        assertReason(Reason.UNSUPPORTED, "vector_f4.npy", ReadOptions.defaults());
        assertReason(Reason.UNSUPPORTED, "four_d.npy", ReadOptions.defaults());
        assertReason(Reason.TOO_LARGE, "i2_c.npy", new ReadOptions(10, null));
        assertReason(Reason.UNSUPPORTED, "object.npy", ReadOptions.defaults());
    }

    @Test
    void missingFileIsNotFoundAndNotAccepted() {
        Path absent = TestData.path("rp3d-demo/DemoData/data/123742.npy");
        assertFalse(reader.accepts(absent));
        ReadException e = assertThrows(ReadException.class, () -> reader.read(absent, ReadOptions.defaults()));
        assertEquals(Reason.NOT_FOUND, e.reason());
        assertTrue(e.getMessage().contains("123742.npy"), e.getMessage());
    }

    private void assertReason(Reason r, String file, ReadOptions o) {
        ReadException e = assertThrows(ReadException.class, () -> reader.read(NpySamples.get(file), o), file);
        assertEquals(r, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains(file), e.getMessage());
    }
}
