package org.raddiag.checkpoint.testutil;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes pickle opcodes by hand and packs torch.save-style zip archives, for tests (no Python needed). */
public final class PickleBuilder {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public PickleBuilder op(int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
        return this;
    }

    public PickleBuilder proto(int p) {
        return op(0x80, p);
    }

    public PickleBuilder global(String module, String name) {
        op('c');
        raw((module + "\n" + name + "\n").getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public PickleBuilder unicode(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        op('X', b.length & 0xff, (b.length >> 8) & 0xff, (b.length >> 16) & 0xff, b.length >>> 24);
        return raw(b);
    }

    public PickleBuilder shortUnicode(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        op(0x8c, b.length);
        return raw(b);
    }

    public PickleBuilder int1(int v) {
        return op('K', v);
    }

    public PickleBuilder int4(int v) {
        return op('J', v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, v >>> 24);
    }

    public PickleBuilder mark() {
        return op('(');
    }

    public PickleBuilder tuple() {
        return op('t');
    }

    public PickleBuilder emptyTuple() {
        return op(')');
    }

    public PickleBuilder reduce() {
        return op('R');
    }

    public PickleBuilder stop() {
        return op('.');
    }

    /** {@code _rebuild_tensor_v2(persistent(('storage', torch.<type>, key, 'cpu', numel)), off, size, stride, False, OrderedDict())}. */
    public PickleBuilder tensor(String storageType, String key, int numel, int offset, int[] size, int[] stride) {
        global("torch._utils", "_rebuild_tensor_v2").mark();
        mark().unicode("storage").global("torch", storageType).unicode(key).unicode("cpu").int4(numel).tuple();
        op('Q').int4(offset);
        mark();
        for (int s : size) {
            int4(s);
        }
        tuple().mark();
        for (int s : stride) {
            int4(s);
        }
        tuple();
        op(0x89).global("collections", "OrderedDict").emptyTuple().reduce();
        return tuple().reduce();
    }

    private PickleBuilder raw(byte[] b) {
        out.write(b, 0, b.length);
        return this;
    }

    public byte[] bytes() {
        return out.toByteArray();
    }

    /** Writes an uncompressed zip with {@code <top>/data.pkl}, {@code <top>/version} and the given storages. */
    public static void writeArchive(Path file, String top, byte[] pickle, Map<String, byte[]> storages)
            throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
            stored(z, top + "/data.pkl", pickle);
            for (Map.Entry<String, byte[]> e : storages.entrySet()) {
                stored(z, top + "/data/" + e.getKey(), e.getValue());
            }
            stored(z, top + "/version", "3\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static void stored(ZipOutputStream z, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        e.setCrc(crc.getValue());
        z.putNextEntry(e);
        z.write(data);
        z.closeEntry();
    }
}
