package org.raddiag.checkpoint;

import static org.raddiag.checkpoint.SafetensorsFile.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.raddiag.checkpoint.internal.MiniJson;

/**
 * The validated header of a safetensors file (what {@link SafetensorsFile} and {@link SafetensorsIndex} read):
 * its entries in file order, its {@code __metadata__}, where the data starts, and reads of one entry's bytes.
 */
final class SafetensorsHeader {
    final List<Entry> entries = new ArrayList<>();
    final Map<String, String> metadata = new LinkedHashMap<>();
    long dataStart;

    private SafetensorsHeader() {
    }

    /** One stored tensor: key, dtype, shape and its byte range in the data section. */
    static final class Entry {
        String key;
        DType type;
        long[] shape;
        long begin;
        long end;
    }

    /** Reads and validates the header of {@code file}: dtypes, shapes, a gap-free layout that matches its size. */
    static SafetensorsHeader read(Path file, FileChannel ch) throws IOException {
        long size = ch.size();
        if (size < 8) {
            throw fail(file, "file is shorter than the 8-byte header length");
        }
        ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        readFully(ch, lenBuf, 0);
        long n = lenBuf.getLong(0);
        if (n <= 0 || n > SafetensorsFile.MAX_HEADER_BYTES || n > size - 8) {
            throw fail(file, "header length " + Long.toUnsignedString(n) + " is out of range for a file of "
                    + size + " bytes");
        }
        ByteBuffer headerBuf = ByteBuffer.allocate((int) n);
        readFully(ch, headerBuf, 8);
        String json;
        try {
            json = StandardCharsets.UTF_8.newDecoder().decode(headerBuf.flip()).toString();
        } catch (CharacterCodingException e) {
            throw fail(file, "header is not valid UTF-8", e);
        }
        SafetensorsHeader h = new SafetensorsHeader();
        h.dataStart = 8 + n;
        parseHeader(file, json, h.entries, h.metadata);
        validateLayout(file, h.entries, size - h.dataStart);
        return h;
    }

    /** Alias key to stored key, validated against the header's entries. */
    Map<String, String> aliases(Path file) throws CheckpointException {
        String aliasJson = metadata.get(SafetensorsFile.ALIASES);
        if (aliasJson == null) {
            return Map.of();
        }
        StateDict keysOnly = new StateDict();
        for (Entry e : entries) {
            keysOnly.put(e.key, TensorData.ofLongs(new long[] {0}));
        }
        addAliases(file, keysOnly, aliasJson);
        return keysOnly.aliases();
    }

    /** The entry's bytes in a direct buffer of their own (for {@link SafetensorsFile#forEach}). */
    ByteBuffer bytes(FileChannel ch, Entry e) throws IOException {
        return fill(ch, e, ByteBuffer.allocateDirect(Math.toIntExact(e.end - e.begin)));
    }

    /** The entry's values, read through a heap buffer (for {@link SafetensorsFile#read}). */
    TensorData read(FileChannel ch, Entry e) throws IOException {
        ByteBuffer data = fill(ch, e, ByteBuffer.allocate(Math.toIntExact(e.end - e.begin)));
        return SafetensorsFile.decode(e.type, e.shape, data);
    }

    private ByteBuffer fill(FileChannel ch, Entry e, ByteBuffer data) throws IOException {
        data.order(ByteOrder.LITTLE_ENDIAN);
        readFully(ch, data, dataStart + e.begin);
        data.rewind();
        return data;
    }

    @SuppressWarnings("unchecked")
    private static void parseHeader(Path file, String json, List<Entry> entries, Map<String, String> metadata)
            throws CheckpointException {
        Object root = MiniJson.parse(json);
        if (!(root instanceof Map)) {
            throw fail(file, "header is not a JSON object");
        }
        for (Map.Entry<String, Object> e : ((Map<String, Object>) root).entrySet()) {
            if (e.getKey().equals("__metadata__")) {
                if (!(e.getValue() instanceof Map)) {
                    throw fail(file, "__metadata__ is not an object");
                }
                for (Map.Entry<String, Object> m : ((Map<String, Object>) e.getValue()).entrySet()) {
                    if (!(m.getValue() instanceof String)) {
                        throw fail(file, "__metadata__ value '" + m.getKey() + "' is not a string");
                    }
                    metadata.put(m.getKey(), (String) m.getValue());
                }
                continue;
            }
            if (!(e.getValue() instanceof Map)) {
                throw fail(file, "entry '" + e.getKey() + "' is not an object");
            }
            Map<String, Object> t = (Map<String, Object>) e.getValue();
            Entry en = new Entry();
            en.key = e.getKey();
            if (!(t.get("dtype") instanceof String)) {
                throw fail(file, "tensor '" + en.key + "' has no dtype");
            }
            en.type = DType.fromSafetensors((String) t.get("dtype"));
            en.shape = longs(file, en.key, "shape", t.get("shape"), -1);
            long[] off = longs(file, en.key, "data_offsets", t.get("data_offsets"), 2);
            en.begin = off[0];
            en.end = off[1];
            long expect = Math.multiplyExact(TensorData.numel(en.shape), en.type.byteSize());
            if (en.end < en.begin || en.end - en.begin != expect) {
                throw fail(file, "tensor '" + en.key + "' of " + en.type + " " + Arrays.toString(en.shape)
                        + " needs " + expect + " bytes but data_offsets span " + (en.end - en.begin));
            }
            entries.add(en);
        }
    }

    private static long[] longs(Path file, String key, String field, Object v, int len) throws CheckpointException {
        if (!(v instanceof List)) {
            throw fail(file, "tensor '" + key + "' has no " + field + " list");
        }
        List<?> l = (List<?>) v;
        if (len >= 0 && l.size() != len) {
            throw fail(file, "tensor '" + key + "': " + field + " must have " + len + " entries");
        }
        long[] out = new long[l.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(l.get(i) instanceof Long) || (Long) l.get(i) < 0) {
                throw fail(file, "tensor '" + key + "': " + field + " holds " + l.get(i)
                        + ", expected a non-negative integer");
            }
            out[i] = (Long) l.get(i);
        }
        return out;
    }

    private static void validateLayout(Path file, List<Entry> entries, long dataLength) throws CheckpointException {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong((Entry e) -> e.begin).thenComparingLong(e -> e.end));
        long at = 0;
        for (Entry e : sorted) {
            if (e.begin != at) {
                throw fail(file, "tensor '" + e.key + "' starts at " + e.begin + " but the previous tensor ends at "
                        + at + " (gap or overlap)");
            }
            at = e.end;
        }
        if (at != dataLength) {
            throw fail(file, "tensors cover " + at + " data bytes but the data section has " + dataLength);
        }
    }

    static void addAliases(Path file, StateDict sd, String aliasJson) throws CheckpointException {
        Object parsed = MiniJson.parse(aliasJson);
        if (!(parsed instanceof Map)) {
            throw fail(file, "__metadata__.aliases is not a JSON object string");
        }
        for (Map.Entry<?, ?> a : ((Map<?, ?>) parsed).entrySet()) {
            if (!(a.getValue() instanceof String)) {
                throw fail(file, "alias '" + a.getKey() + "' does not name a key");
            }
            String alias = (String) a.getKey();
            String canonical = (String) a.getValue();
            if (sd.contains(alias)) {
                throw fail(file, "alias '" + alias + "' is also stored as a tensor");
            }
            if (!sd.contains(canonical)) {
                throw fail(file, "alias '" + alias + "' points to missing tensor '" + canonical + "'");
            }
            sd.putAlias(alias, canonical);
        }
    }

    static void readFully(FileChannel ch, ByteBuffer buf, long pos) throws IOException {
        while (buf.hasRemaining()) {
            int r = ch.read(buf, pos + buf.position());
            if (r < 0) {
                throw new IOException("unexpected end of file");
            }
        }
    }
}
