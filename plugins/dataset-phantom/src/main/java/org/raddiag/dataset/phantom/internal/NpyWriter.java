package org.raddiag.dataset.phantom.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Encodes NumPy {@code .npy} version 1.0 files as RP3D stores them: images as little-endian float32 of shape
 * (H, W, D) in Fortran order, key slices as little-endian int64 of shape (1,). The header is padded with spaces
 * and a newline so that the data starts at a multiple of 64 bytes.
 */
final class NpyWriter {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};

    private NpyWriter() {
    }

    /**
     * @param voxels volume layout: voxel (row y, column x, slice z) at {@code (z * height + y) * width + x}
     */
    static byte[] image(float[] voxels, int height, int width, int depth) {
        if (voxels.length != height * width * depth) {
            throw new IllegalArgumentException("voxel count " + voxels.length + " does not match " + height + "x"
                    + width + "x" + depth);
        }
        ByteBuffer b = start("{'descr': '<f4', 'fortran_order': True, 'shape': (" + height + ", " + width + ", "
                + depth + "), }", 4L * voxels.length);
        for (int z = 0; z < depth; z++) {
            for (int x = 0; x < width; x++) {
                for (int y = 0; y < height; y++) {
                    b.putFloat(voxels[(z * height + y) * width + x]);
                }
            }
        }
        return b.array();
    }

    static byte[] key(long value) {
        ByteBuffer b = start("{'descr': '<i8', 'fortran_order': False, 'shape': (1,), }", 8);
        b.putLong(value);
        return b.array();
    }

    private static ByteBuffer start(String dict, long dataBytes) {
        int unpadded = MAGIC.length + 2 + dict.length() + 1;
        int total = (unpadded + 63) / 64 * 64;
        byte[] header = new byte[total - MAGIC.length - 2];
        Arrays.fill(header, (byte) ' ');
        byte[] text = dict.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(text, 0, header, 0, text.length);
        header[header.length - 1] = '\n';
        if (total + dataBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("array of " + dataBytes + " bytes is too large");
        }
        ByteBuffer b = ByteBuffer.allocate((int) (total + dataBytes)).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC);
        b.putShort((short) header.length);
        b.put(header);
        return b;
    }
}
