package org.raddiag.example.metaimage.internal;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.raddiag.api.io.ReadException;
import org.raddiag.api.io.ReadException.Reason;

/**
 * The text header of a MetaImage file ({@code Key = Value} lines up to {@code ElementDataFile = LOCAL}), checked
 * completely before any voxel is allocated: 2-D or 3-D, a known element type, positive sizes within the voxel
 * limit, uncompressed data in the same file.
 */
record MetaImageHeader(int width, int height, int depth, ElementType type, ByteOrder order, double[] spacing,
        int dataOffset) {
    /** Header lines longer than this, or more header bytes than {@link #MAX_HEADER}, are not a MetaImage. */
    static final int MAX_HEADER = 64 * 1024;

    enum ElementType {
        MET_UCHAR(1), MET_CHAR(1), MET_USHORT(2), MET_SHORT(2), MET_UINT(4), MET_INT(4), MET_FLOAT(4), MET_DOUBLE(8);

        final int bytes;

        ElementType(int bytes) {
            this.bytes = bytes;
        }
    }

    static MetaImageHeader parse(Path file, byte[] bytes, long maxVoxels) throws ReadException {
        Map<String, String> keys = new HashMap<>();
        int pos = 0;
        int end = Math.min(bytes.length, MAX_HEADER);
        while (true) {
            int nl = indexOf(bytes, (byte) '\n', pos, end);
            if (nl < 0) {
                throw new ReadException(file, keys.isEmpty() ? Reason.WRONG_FORMAT : Reason.CORRUPT,
                        "no 'ElementDataFile = LOCAL' line ends the MetaImage header");
            }
            String line = new String(bytes, pos, nl - pos, StandardCharsets.ISO_8859_1).strip();
            pos = nl + 1;
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new ReadException(file, keys.isEmpty() ? Reason.WRONG_FORMAT : Reason.CORRUPT,
                        "header line is not 'Key = Value': '" + shorten(line) + "'");
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            keys.put(key, value);
            if (key.equals("ElementDataFile")) {
                if (!value.equalsIgnoreCase("LOCAL")) {
                    throw new ReadException(file, Reason.UNSUPPORTED, "data in a separate file (" + shorten(value)
                            + ") is not supported: only single-file .mha with ElementDataFile = LOCAL");
                }
                break;
            }
        }
        if (!"Image".equalsIgnoreCase(keys.getOrDefault("ObjectType", "Image"))) {
            throw new ReadException(file, Reason.UNSUPPORTED, "ObjectType " + shorten(keys.get("ObjectType")));
        }
        if (Boolean.parseBoolean(keys.getOrDefault("CompressedData", "False"))) {
            throw new ReadException(file, Reason.UNSUPPORTED, "compressed MetaImage data is not supported");
        }
        int nDims = (int) number(file, keys, "NDims", 1)[0];
        if (nDims != 2 && nDims != 3) {
            throw new ReadException(file, Reason.UNSUPPORTED, "NDims " + nDims + " (2 or 3 supported)");
        }
        long[] dims = new long[3];
        double[] size = number(file, keys, "DimSize", nDims);
        for (int i = 0; i < 3; i++) {
            dims[i] = i < nDims ? (long) size[i] : 1;
            if (dims[i] <= 0 || dims[i] != (i < nDims ? size[i] : 1) || dims[i] > Integer.MAX_VALUE) {
                throw new ReadException(file, Reason.CORRUPT, "DimSize " + Arrays.toString(size) + " is not positive whole numbers");
            }
        }
        long voxels = dims[0] * dims[1] * dims[2];
        if (voxels > maxVoxels || dims[0] * dims[1] > Integer.MAX_VALUE) {
            throw new ReadException(file, Reason.TOO_LARGE, voxels + " voxels exceed the limit of " + maxVoxels);
        }
        if (keys.containsKey("ElementNumberOfChannels") && !keys.get("ElementNumberOfChannels").equals("1")) {
            throw new ReadException(file, Reason.UNSUPPORTED, "ElementNumberOfChannels "
                    + shorten(keys.get("ElementNumberOfChannels")) + " (1 supported)");
        }
        ElementType type;
        try {
            type = ElementType.valueOf(keys.getOrDefault("ElementType", "").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ReadException(file, Reason.UNSUPPORTED, "ElementType '" + shorten(keys.get("ElementType")) + "'");
        }
        String msb = keys.getOrDefault("BinaryDataByteOrderMSB", keys.getOrDefault("ElementByteOrderMSB", "False"));
        ByteOrder order = Boolean.parseBoolean(msb) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        double[] spacing = keys.containsKey("ElementSpacing") ? number(file, keys, "ElementSpacing", nDims) : null;
        if (spacing != null && nDims == 2) {
            spacing = new double[] {spacing[0], spacing[1], 1};
        }
        if (spacing != null && Arrays.stream(spacing).anyMatch(s -> !(s > 0) || Double.isInfinite(s))) {
            throw new ReadException(file, Reason.CORRUPT, "ElementSpacing " + Arrays.toString(spacing) + " is not positive");
        }
        long need = voxels * type.bytes;
        if (bytes.length - pos < need) {
            throw new ReadException(file, Reason.TRUNCATED, "the header promises " + need + " data bytes, the file has "
                    + (bytes.length - pos));
        }
        return new MetaImageHeader((int) dims[0], (int) dims[1], (int) dims[2], type, order, spacing, pos);
    }

    private static double[] number(Path file, Map<String, String> keys, String key, int count) throws ReadException {
        String v = keys.get(key);
        if (v == null) {
            throw new ReadException(file, Reason.CORRUPT, "the header has no " + key);
        }
        String[] parts = v.trim().split("\\s+");
        if (parts.length != count) {
            throw new ReadException(file, Reason.CORRUPT, key + " needs " + count + " numbers, not '" + shorten(v) + "'");
        }
        double[] r = new double[count];
        for (int i = 0; i < count; i++) {
            try {
                r[i] = Double.parseDouble(parts[i]);
            } catch (NumberFormatException e) {
                throw new ReadException(file, Reason.CORRUPT, key + " is not numeric: '" + shorten(v) + "'");
            }
        }
        return r;
    }

    private static int indexOf(byte[] b, byte c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static String shorten(String s) {
        return s == null ? "(none)" : s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
