package org.raddiag.reader.nifti.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.api.data.Modality;
import org.raddiag.api.data.Scan;
import org.raddiag.api.data.Volume;
import org.raddiag.api.io.ReadException;
import org.raddiag.api.io.ReadException.Reason;
import org.raddiag.api.io.ReadOptions;

/** Compares every test file with nibabel's reading of it ({@code oracle.tsv}) and checks the refusals. */
class NiftiReaderTest {
    private final NiftiReader reader = new NiftiReader();

    @TempDir
    Path tmp;

    @TestFactory
    List<DynamicTest> matchesNibabel() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : Files.readAllLines(NiftiFiles.get("oracle.tsv"))) {
            if (!line.startsWith("#")) {
                String[] f = line.split("\t");
                tests.add(DynamicTest.dynamicTest(f[0], () -> check(f)));
            }
        }
        assertEquals(14, tests.size());
        return tests;
    }

    private void check(String[] f) throws ReadException {
        Path p = NiftiFiles.get(f[0]);
        assertTrue(reader.accepts(p));
        List<Scan> scans = reader.read(p, ReadOptions.defaults());
        assertEquals(1, scans.size());
        Volume v = scans.get(0).volume();
        long[] shape = Arrays.stream(f[1].split(",")).mapToLong(Long::parseLong).toArray();
        assertEquals(shape[0], v.width());
        assertEquals(shape[1], v.height());
        assertEquals(shape[2], v.depth());
        assertEquals(shape.length > 3, scans.get(0).source().contains("[volume 1 of " + (shape.length > 3 ? shape[3] : 0)));
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        int nan = 0;
        for (float x : v.voxels()) {
            if (Float.isNaN(x)) {
                nan++;
            } else {
                min = Math.min(min, x);
                max = Math.max(max, x);
                sum += x;
            }
        }
        assertClose(Double.parseDouble(f[2]), min, "min");
        assertClose(Double.parseDouble(f[3]), max, "max");
        assertClose(Double.parseDouble(f[4]), sum, "sum");
        assertEquals(Integer.parseInt(f[5]), nan, "NaN count");
        for (String s : f[6].split(";")) {
            String[] t = s.split(",");
            double want = t[3].equals("nan") ? Double.NaN : Double.parseDouble(t[3]);
            float got = v.get(Integer.parseInt(t[0]), Integer.parseInt(t[1]), Integer.parseInt(t[2]));
            if (Double.isNaN(want)) {
                assertTrue(Float.isNaN(got), s);
            } else {
                assertClose(want, got, "voxel " + s);
            }
        }
        double[] a = Arrays.stream(f[7].split(",")).mapToDouble(Double::parseDouble).toArray();
        double[] spacing = v.spacing();
        double[] dir = v.direction();
        for (int c = 0; c < 3; c++) {
            double n = Math.sqrt(a[c] * a[c] + a[4 + c] * a[4 + c] + a[8 + c] * a[8 + c]);
            assertEquals(n, spacing[c], 1e-5 * n, "spacing " + c);
            for (int r = 0; r < 3; r++) {
                double lps = (r < 2 ? -1 : 1) * a[4 * r + c] / n;
                assertEquals(lps, dir[3 * r + c], 1e-5, "direction row " + r + " col " + c);
            }
        }
    }

    private static void assertClose(double want, double got, String what) {
        assertEquals(want, got, Math.max(1e-6, Math.abs(want) * 2e-6), what);
    }

    @Test
    void modalityFromHintElseCt() throws ReadException {
        assertEquals(Modality.CT, reader.read(NiftiFiles.get("u2.nii"), null).get(0).modality());
        assertEquals(Modality.MRI, reader.read(NiftiFiles.get("u2.nii"),
                ReadOptions.defaults().withModalityHint(Modality.MRI)).get(0).modality());
    }

    @Test
    void readsPairFromEitherFile() throws ReadException {
        Volume v = reader.read(NiftiFiles.get("pair.img"), ReadOptions.defaults()).get(0).volume();
        assertEquals(64f, v.get(3, 2, 1));
        assertTrue(reader.accepts(NiftiFiles.get("pair.img")));
    }

    @Test
    void refusesDamagedFiles() throws IOException {
        byte[] good = Files.readAllBytes(NiftiFiles.get("u2.nii"));
        assertReason(Reason.TRUNCATED, write("cut.nii", Arrays.copyOf(good, good.length - 2)), "data bytes");
        assertReason(Reason.TRUNCATED, write("cuthdr.nii", Arrays.copyOf(good, 200)), "header");
        assertReason(Reason.TRUNCATED, write("cut.nii.gz", Arrays.copyOf(gzip(good), 60)), "");
        assertReason(Reason.WRONG_FORMAT, write("text.nii", "plain text, not an image".getBytes()), "not a NIfTI");
        assertReason(Reason.NOT_FOUND, tmp.resolve("absent.nii"), "no such file");
        assertReason(Reason.UNSUPPORTED, write("rgb.nii", edit(good, b -> b.putShort(70, (short) 128))), "datatype 128");
        assertReason(Reason.CORRUPT, write("bitpix.nii", edit(good, b -> b.putShort(72, (short) 8))), "bitpix");
        assertReason(Reason.UNSUPPORTED, write("5d.nii", edit(good, b -> b.putShort(40, (short) 5).putShort(50, (short) 2))),
                "more than 4");
        assertReason(Reason.TOO_LARGE, write("huge.nii", edit(good, b -> b.putShort(42, (short) 30000)
                .putShort(44, (short) 30000).putShort(46, (short) 30000))), "limit");
        assertReason(Reason.CORRUPT, write("offset.nii", edit(good, b -> b.putFloat(108, 100))), "vox_offset");
        assertReason(Reason.CORRUPT, write("nodim.nii", edit(good, b -> b.putShort(44, (short) 0))), "dim[2]");
        assertFalse(reader.accepts(tmp.resolve("absent.nii")));
    }

    private interface Edit {
        void apply(ByteBuffer b);
    }

    private static byte[] edit(byte[] src, Edit e) {
        byte[] c = src.clone();
        e.apply(ByteBuffer.wrap(c).order(ByteOrder.LITTLE_ENDIAN));
        return c;
    }

    static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(b);
        }
        return out.toByteArray();
    }

    private Path write(String name, byte[] b) throws IOException {
        return Files.write(tmp.resolve(name), b);
    }

    private void assertReason(Reason r, Path p, String fragment) {
        ReadException e = assertThrows(ReadException.class, () -> reader.read(p, ReadOptions.defaults()), p.toString());
        assertEquals(r, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains(fragment) && e.getMessage().contains(p.getFileName().toString()),
                e.getMessage());
    }
}
