package org.raddiag.reader.nifti.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.testsupport.Mutations;
import org.raddiag.testsupport.ReaderFuzzer;

/**
 * Seeded mutations of real NIfTI files (bit flips, truncation, header field edits, huge dims and offsets, both raw
 * and re-gzipped, and damaged gzip streams): every outcome must be scans or a ReadException, within a time bound.
 */
class NiftiReaderFuzzTest {
    private static final BiFunction<byte[], Random, byte[]> MUTATION =
            Mutations.mixed(0, b -> nifti2(b) ? 540 : 348, 3, NiftiReaderFuzzTest::mutate);

    @Test
    void mutatedFilesGiveScansOrReadExceptions(@TempDir Path tmp) throws Exception {
        List<String> seeds = List.of("u2.nii", "anatomical.nii", "qform_only.nii", "standard.nii.gz",
                "example_nifti2.nii.gz", "f8.nii.gz", "i8.nii");
        List<byte[]> raw = new ArrayList<>();
        for (String s : seeds) {
            byte[] b = Files.readAllBytes(NiftiFiles.get(s));
            raw.add(s.endsWith(".gz") ? new GZIPInputStream(new ByteArrayInputStream(b)).readAllBytes() : b);
        }
        new ReaderFuzzer(20240612L, 3000).run(new NiftiReader(), seeds, raw, NiftiReaderFuzzTest::write, tmp);
    }

    /** A mutant as raw NIfTI, gzipped, or as a damaged gzip stream of the original. */
    private static Path write(byte[] original, String name, Random rnd, Path dir, int round) throws IOException {
        int packing = rnd.nextInt(4);
        byte[] m = MUTATION.apply(original, rnd);
        if (packing == 0) {
            return Files.write(dir.resolve("fuzz" + round % 8 + ".nii.gz"), NiftiReaderTest.gzip(m));
        }
        if (packing == 1) {
            byte[] z = NiftiReaderTest.gzip(original);
            z = rnd.nextBoolean() ? Mutations.truncate(z, rnd) : Mutations.flipBits(z, rnd);
            return Files.write(dir.resolve("fuzz" + round % 8 + ".nii.gz"), z);
        }
        return Files.write(dir.resolve("fuzz" + round % 8 + ".nii"), m);
    }

    private static boolean nifti2(byte[] b) {
        return b.length > 540 && (b[0] == 28 || b[3] == 28);
    }

    static byte[] mutate(byte[] b, Random rnd, int kind) {
        boolean nifti2 = nifti2(b);
        ByteOrder order = b[0] == 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        ByteBuffer bb = ByteBuffer.wrap(b).order(order);
        switch (kind) {
            case 0: { // dims: huge, zero, negative, rank
                int i = rnd.nextInt(8);
                long v = new long[] {0, -1, 1, 7, 8, 32767, Integer.MAX_VALUE, Long.MAX_VALUE}[rnd.nextInt(8)];
                if (nifti2) {
                    bb.putLong(16 + 8 * i, v);
                } else {
                    bb.putShort(40 + 2 * i, (short) v);
                }
                return b;
            }
            case 1: { // vox_offset, scaling, datatype, bitpix
                float f = new float[] {0, -1, 352, 1e9f, Float.NaN, 3.5f, Float.POSITIVE_INFINITY}[rnd.nextInt(7)];
                int field = rnd.nextInt(4);
                if (nifti2) {
                    int[] at = {168, 176, 12, 14};
                    if (field < 2) {
                        if (field == 0) {
                            bb.putLong(at[0], (long) f);
                        } else {
                            bb.putDouble(at[1], f);
                        }
                    } else {
                        bb.putShort(at[field], (short) rnd.nextInt(2048));
                    }
                } else {
                    int[] at = {108, 112, 70, 72};
                    if (field < 2) {
                        bb.putFloat(at[field], f);
                    } else {
                        bb.putShort(at[field], (short) rnd.nextInt(2048));
                    }
                }
                return b;
            }
            default: // orientation fields
                return Mutations.randomBytes(b, rnd, nifti2 ? 344 : 252, nifti2 ? 152 : 92, 6);
        }
    }
}
