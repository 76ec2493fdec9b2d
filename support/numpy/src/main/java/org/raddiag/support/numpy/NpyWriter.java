package org.raddiag.support.numpy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Encodes NumPy {@code .npy} version 1.0 files (little-endian float32 or int64), as numpy writes them: the header
 * dictionary padded with spaces and a newline so that the data starts at a multiple of 64 bytes. Callers write the
 * bytes durably themselves.
 */
public final class NpyWriter {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};

    private NpyWriter() {
    }

    /**
     * @param values the elements in the order {@code fortranOrder} states (C: last axis fastest)
     * @throws IllegalArgumentException when the shape does not hold {@code values.length} elements
     */
    public static byte[] float32(float[] values, long[] shape, boolean fortranOrder) {
        ByteBuffer b = start("<f4", fortranOrder, shape, values.length, 4);
        b.asFloatBuffer().put(values);
        return b.array();
    }

    /** C-order int64 array (e.g. an RP3D key-slice file: shape {@code (1,)}). */
    public static byte[] int64(long[] values, long[] shape) {
        ByteBuffer b = start("<i8", false, shape, values.length, 8);
        b.asLongBuffer().put(values);
        return b.array();
    }

    private static ByteBuffer start(String descr, boolean fortranOrder, long[] shape, int count, int itemSize) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            n = Math.multiplyExact(n, d);
        }
        if (n != count) {
            throw new IllegalArgumentException(count + " values do not fill shape " + Arrays.toString(shape));
        }
        StringBuilder dims = new StringBuilder();
        for (long d : shape) {
            dims.append(d).append(", ");
        }
        if (shape.length > 1) {
            dims.setLength(dims.length() - 2);
        } else if (shape.length == 1) {
            dims.setLength(dims.length() - 1);
        }
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortranOrder ? "True" : "False")
                + ", 'shape': (" + dims + "), }";
        int unpadded = MAGIC.length + 2 + dict.length() + 1;
        int total = (unpadded + 63) / 64 * 64;
        byte[] header = new byte[total - MAGIC.length - 2];
        Arrays.fill(header, (byte) ' ');
        byte[] text = dict.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(text, 0, header, 0, text.length);
        header[header.length - 1] = '\n';
        long dataBytes = (long) count * itemSize;
        if (total + dataBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("array of " + dataBytes + " bytes is too large for one buffer");
        }
        ByteBuffer b = ByteBuffer.allocate((int) (total + dataBytes)).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC);
        b.putShort((short) header.length);
        b.put(header);
        return b; // positioned at the data; view buffers of it keep its byte order
    }
}
