package org.raddiag.reader.dicom.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.raddiag.testsupport.Dcmtk;
import org.raddiag.api.data.Modality;
import org.raddiag.api.data.Plane;
import org.raddiag.api.data.Scan;
import org.raddiag.api.data.Volume;
import org.raddiag.api.io.ReadOptions;

/**
 * A CT series written by dcmtk's {@code dump2dcm} (an independent writer; installed by tools/fetch-test-data.sh)
 * with shuffled file names and instance numbers running against the slice position, then transcoded by dcmtk into
 * other transfer syntaxes. The reader must give back the known HU volume in position order, bit-exactly.
 */
class GeneratedSeriesTest {
    private static final int SIZE = 12;
    private static final int SLICES = 9;

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"explicit LE|", "implicit LE|dcmconv +ti", "big endian|dcmconv +tb",
            "deflated|dcmconv +td", "RLE|dcmcrle", "JPEG lossless SV1|dcmcjpeg +e1"})
    void readsShuffledSeriesInPositionOrder(String syntax, String transcoder) throws Exception {
        assumeTrue(Dcmtk.available("dump2dcm"), "dcmtk (dump2dcm) is not installed: tools/fetch-test-data.sh installs it "
                + "with apt-get; test skipped");
        Path plain = tmp.resolve("plain");
        Files.createDirectories(plain);
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < SLICES; k++) {
            order.add(k);
        }
        Collections.shuffle(order, new Random(7));
        for (int k = 0; k < SLICES; k++) {
            writeSlice(plain, k, SLICES - k, "s" + order.get(k) + ".dcm");
        }
        Path series = plain;
        if (transcoder != null && !transcoder.isBlank()) {
            series = tmp.resolve("transcoded");
            Files.createDirectories(series);
            try (var files = Files.list(plain)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    if (f.toString().endsWith(".dcm")) {
                        List<String> cmd = new ArrayList<>(List.of(transcoder.split(" ")));
                        cmd.add(f.toString());
                        cmd.add(series.resolve(f.getFileName()).toString());
                        Dcmtk.runOk(cmd);
                    }
                }
            }
        }
        List<Scan> scans = new DicomSeriesReader().read(series, ReadOptions.defaults());
        assertEquals(1, scans.size());
        Scan s = scans.get(0);
        assertEquals(Modality.CT, s.modality());
        assertEquals(Plane.AXIAL, s.plane());
        Volume v = s.volume();
        assertEquals(SLICES, v.depth());
        assertArrayEquals(new double[] {0.5, 0.75, 2.5}, v.spacing(), 1e-9);
        assertArrayEquals(expected(), v.voxels());
    }

    /** Slice k (position z = 2.5 k - 10) holds HU 100 k + 10 y + x - 500 (stored + 1024). */
    private static float[] expected() {
        float[] v = new float[SIZE * SIZE * SLICES];
        for (int k = 0; k < SLICES; k++) {
            for (int i = 0; i < SIZE * SIZE; i++) {
                v[k * SIZE * SIZE + i] = 100 * k + 10 * (i / SIZE) + i % SIZE - 500;
            }
        }
        return v;
    }

    private void writeSlice(Path folder, int k, int instance, String name) throws Exception {
        Dcmtk.ctSlice(folder.resolve(name), SIZE, (row, col) -> 100 * k + 10 * row + col - 500 + 1024, List.of(
                "(0008,0018) UI 1.2.826.0.1.3680043.9.7433.1." + (k + 1),
                "(0020,000d) UI 1.2.826.0.1.3680043.9.7433.2",
                "(0020,000e) UI 1.2.826.0.1.3680043.9.7433.3",
                "(0020,0013) IS [" + instance + "]",
                String.format(Locale.ROOT, "(0020,0032) DS [-3\\-4\\%.1f]", 2.5 * k - 10),
                "(0028,0030) DS [0.75\\0.5]"));
    }
}
