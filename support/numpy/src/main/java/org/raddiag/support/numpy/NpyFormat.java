package org.raddiag.support.numpy;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.raddiag.api.io.ReadException;
import org.raddiag.api.io.ReadException.Reason;
import org.raddiag.api.io.ReadOptions;

/**
 * Reads NumPy {@code .npy} files (format versions 1.0, 2.0 and 3.0) and {@code .npz} archives (stored or deflated
 * zip of {@code .npy} members). Dtypes: {@code f2 f4 f8 i1 i2 i4 i8 u1 u2 u4 u8 b1}, either byte order, C or
 * Fortran order. Object, structured and string arrays are refused. Sizes are checked against the element limit and
 * the bytes actually present before anything is allocated.
 */
public final class NpyFormat {
    /** Default element limit per array: {@link ReadOptions#DEFAULT_MAX_VOXELS}. */
    public static final long DEFAULT_MAX_ELEMENTS = ReadOptions.DEFAULT_MAX_VOXELS;
    /** Largest header accepted (numpy itself refuses more than 10,000 bytes by default). */
    static final int MAX_HEADER_BYTES = 65536;
    /** Largest number of members read from one archive. */
    static final int MAX_NPZ_MEMBERS = 4096;

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    /** The six bytes every .npy file starts with ({@code \x93NUMPY}): what a reader's {@code accepts} looks for. */
    public static byte[] magic() {
        return MAGIC.clone();
    }

    private NpyFormat() {
    }

    /** Reads a {@code .npy} file with the default element limit. */
    public static NpyArray read(Path file) throws ReadException {
        return read(file, DEFAULT_MAX_ELEMENTS);
    }

    /**
     * Reads a {@code .npy} file.
     *
     * @param maxElements largest element count accepted (TOO_LARGE beyond)
     */
    public static NpyArray read(Path file, long maxElements) throws ReadException {
        long fileSize = fileSize(file);
        try (InputStream in = Files.newInputStream(file)) {
            return decode(in, fileSize, file, file.getFileName().toString(), maxElements);
        } catch (IOException e) {
            throw new ReadException(file, Reason.IO, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads every member of a {@code .npz} archive with the default element limit, in archive order. */
    public static Map<String, NpyArray> readNpz(Path file) throws ReadException {
        return readNpz(file, DEFAULT_MAX_ELEMENTS);
    }

    /**
     * Reads every member of a {@code .npz} archive, keyed by member name without {@code .npy}, in archive order.
     *
     * @param maxElements largest element count accepted per member
     */
    public static Map<String, NpyArray> readNpz(Path file, long maxElements) throws ReadException {
        fileSize(file);
        Map<String, NpyArray> out = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.isDirectory()) {
                    continue;
                }
                String entryName = e.getName();
                String key = entryName.endsWith(".npy") ? entryName.substring(0, entryName.length() - 4) : entryName;
                String where = file.getFileName() + ":" + key;
                if (out.size() >= MAX_NPZ_MEMBERS) {
                    throw new ReadException(file, Reason.TOO_LARGE, "more than " + MAX_NPZ_MEMBERS + " members");
                }
                if (out.containsKey(key)) {
                    throw new ReadException(file, Reason.CORRUPT, "duplicate member '" + key + "'");
                }
                long declared = e.getSize();
                try (InputStream in = zip.getInputStream(e)) {
                    out.put(key, decode(in, declared, file, where, maxElements));
                } catch (ZipException ze) {
                    throw new ReadException(file, Reason.CORRUPT, where + ": damaged archive member: "
                            + ze.getMessage(), ze);
                } catch (EOFException eof) {
                    throw new ReadException(file, Reason.TRUNCATED, where + ": archive member ends early", eof);
                }
            }
        } catch (ZipException e) {
            throw new ReadException(file, Reason.WRONG_FORMAT, "not a readable zip (.npz) archive: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ReadException(file, Reason.IO, "cannot read: " + e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // java.util.zip reports some malformed central directories (bad names, bad extra fields) this way
            throw new ReadException(file, Reason.CORRUPT, "damaged zip (.npz) archive: " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new ReadException(file, Reason.CORRUPT, "archive holds no arrays");
        }
        return out;
    }

    private static long fileSize(Path file) throws ReadException {
        try {
            if (Files.isDirectory(file)) {
                throw new ReadException(file, Reason.WRONG_FORMAT, "is a folder, not a NumPy file");
            }
            return Files.size(file);
        } catch (NoSuchFileException e) {
            throw new ReadException(file, Reason.NOT_FOUND, "no such file", e);
        } catch (IOException e) {
            throw new ReadException(file, Reason.NOT_FOUND, "cannot access: " + e.getMessage(), e);
        }
    }

    /**
     * Decodes one {@code .npy} stream.
     *
     * @param available bytes the stream holds, or -1 when unknown (then a short stream is detected while reading)
     * @param where     name used in messages ({@code file.npy} or {@code file.npz:key})
     */
    static NpyArray decode(InputStream in, long available, Path file, String where, long maxElements)
            throws ReadException, IOException {
        String at = where + ": ";
        byte[] prefix = new byte[12];
        int got = readFully(in, prefix, 0, 8);
        if (got < 8 || !Arrays.equals(Arrays.copyOf(prefix, 6), MAGIC)) {
            if (got >= 6 && Arrays.equals(Arrays.copyOf(prefix, 6), MAGIC)) {
                throw new ReadException(file, Reason.TRUNCATED, at + "ends inside the .npy preamble");
            }
            throw new ReadException(file, Reason.WRONG_FORMAT, at + "not a .npy array (no \\x93NUMPY magic)");
        }
        int major = prefix[6] & 0xff;
        int minor = prefix[7] & 0xff;
        if (major < 1 || major > 3 || minor != 0) {
            throw new ReadException(file, Reason.UNSUPPORTED, at + ".npy format version " + major + "." + minor
                    + " (supported: 1.0, 2.0, 3.0)");
        }
        int lenBytes = major == 1 ? 2 : 4;
        if (readFully(in, prefix, 8, lenBytes) < lenBytes) {
            throw new ReadException(file, Reason.TRUNCATED, at + "ends inside the .npy preamble");
        }
        long headerLen = 0;
        for (int i = lenBytes - 1; i >= 0; i--) {
            headerLen = headerLen << 8 | (prefix[8 + i] & 0xff);
        }
        long preamble = 8L + lenBytes;
        if (headerLen > MAX_HEADER_BYTES) {
            throw new ReadException(file, Reason.CORRUPT, at + "header length " + headerLen + " exceeds "
                    + MAX_HEADER_BYTES + " bytes");
        }
        if (available >= 0 && preamble + headerLen > available) {
            throw new ReadException(file, Reason.TRUNCATED, at + "header of " + headerLen + " bytes but only "
                    + (available - preamble) + " bytes follow");
        }
        byte[] hb = new byte[(int) headerLen];
        if (readFully(in, hb, 0, hb.length) < hb.length) {
            throw new ReadException(file, Reason.TRUNCATED, at + "ends inside the header");
        }
        String text = new String(hb, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Header h = Header.parse(text, file, at);
        Dtype dtype = Dtype.parse(h.descr(), file, at);
        long n = 1;
        for (long d : h.shape()) {
            if (d > 0 && n > Long.MAX_VALUE / d) {
                throw new ReadException(file, Reason.TOO_LARGE, at + "shape " + Arrays.toString(h.shape())
                        + " overflows");
            }
            n *= d;
        }
        if (n > maxElements) {
            throw new ReadException(file, Reason.TOO_LARGE, at + "shape " + Arrays.toString(h.shape()) + " has " + n
                    + " elements, limit " + maxElements);
        }
        long bytes = n * dtype.size;
        if (bytes > Integer.MAX_VALUE - 16) {
            throw new ReadException(file, Reason.TOO_LARGE, at + "data of " + bytes + " bytes exceeds 2 GiB");
        }
        long dataStart = preamble + headerLen;
        if (available >= 0) {
            long present = available - dataStart;
            if (present < bytes) {
                throw new ReadException(file, Reason.TRUNCATED, at + "shape " + Arrays.toString(h.shape()) + " of "
                        + dtype.descr() + " needs " + bytes + " data bytes, only " + present + " present");
            }
            if (present > bytes) {
                throw new ReadException(file, Reason.CORRUPT, at + (present - bytes)
                        + " unexpected bytes after the data");
            }
        }
        byte[] data = new byte[(int) bytes];
        if (readFully(in, data, 0, data.length) < data.length) {
            throw new ReadException(file, Reason.TRUNCATED, at + "data ends early");
        }
        if (available < 0 && in.read() >= 0) {
            throw new ReadException(file, Reason.CORRUPT, at + "unexpected bytes after the data");
        }
        return new NpyArray(where, dtype, h.fortranOrder(), h.shape(), (int) n, data);
    }

    private static int readFully(InputStream in, byte[] b, int off, int len) throws IOException {
        int total = 0;
        while (total < len) {
            int r = in.read(b, off + total, len - total);
            if (r < 0) {
                break;
            }
            total += r;
        }
        return total;
    }
}
