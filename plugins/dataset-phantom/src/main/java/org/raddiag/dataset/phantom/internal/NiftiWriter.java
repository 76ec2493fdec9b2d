package org.raddiag.dataset.phantom.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/**
 * Encodes a volume as a gzipped single-file NIfTI-1 image ({@code .nii.gz}): 348-byte little-endian header, empty
 * extension flag, float32 data with x (column) fastest. The sform maps voxels to RAS millimetres with the x and y
 * axes flipped, so that the volume's axes are the identity in LPS (DICOM patient space).
 */
final class NiftiWriter {
    static final int HEADER_SIZE = 348;
    static final int VOX_OFFSET = 352;
    private static final short FLOAT32 = 16;

    private NiftiWriter() {
    }

    static byte[] gzip(float[] voxels, int width, int height, int depth, double[] spacing, String description) {
        ByteBuffer b = ByteBuffer.allocate(VOX_OFFSET + 4 * voxels.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, HEADER_SIZE);
        b.put(38, (byte) 'r');
        short[] dim = {3, (short) width, (short) height, (short) depth, 1, 1, 1, 1};
        for (int i = 0; i < 8; i++) {
            b.putShort(40 + 2 * i, dim[i]);
        }
        b.putShort(70, FLOAT32);
        b.putShort(72, (short) 32);
        float[] pixdim = {1, (float) spacing[0], (float) spacing[1], (float) spacing[2], 1, 1, 1, 1};
        for (int i = 0; i < 8; i++) {
            b.putFloat(76 + 4 * i, pixdim[i]);
        }
        b.putFloat(108, VOX_OFFSET);
        b.putFloat(112, 1f);
        b.put(123, (byte) 2);
        byte[] d = description.getBytes(StandardCharsets.US_ASCII);
        b.position(148);
        b.put(d, 0, Math.min(d.length, 79));
        b.putShort(254, (short) 1);
        b.putFloat(280, (float) -spacing[0]);
        b.putFloat(296 + 4, (float) -spacing[1]);
        b.putFloat(312 + 8, (float) spacing[2]);
        b.position(344);
        b.put(new byte[] {'n', '+', '1', 0});
        b.position(VOX_OFFSET);
        for (float v : voxels) {
            b.putFloat(v);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(voxels.length * 2);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(b.array());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
