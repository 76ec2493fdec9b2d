package org.raddiag.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.raddiag.checkpoint.internal.ElementCodec;
import org.raddiag.checkpoint.internal.MiniJson;
import org.raddiag.support.files.DurableFiles;

/**
 * Reads and writes the safetensors format: an 8-byte little-endian header length N, N bytes of UTF-8 JSON, then
 * the raw little-endian C-order data. Reading validates the header strictly: known dtypes, non-negative shapes,
 * byte ranges that match dtype x shape and tile the data section with no gaps, overlaps or trailing bytes.
 * Shared storages follow the convention of the reference fixtures: each storage is stored once, and
 * {@code __metadata__["aliases"]} holds a JSON <em>string</em> mapping alias key to canonical key.
 */
public final class SafetensorsFile {
    /** Metadata key whose value is the JSON string {@code {alias: canonical}}. */
    public static final String ALIASES = "aliases";
    /** Largest header accepted (the safetensors library uses the same bound). */
    public static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;

    private SafetensorsFile() {
    }

    /** Reads every tensor of {@code file}; aliases from the metadata become shared entries. */
    public static StateDict read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            Header h = readHeader(file, ch);
            StateDict sd = new StateDict();
            for (Entry e : h.entries) {
                sd.put(e.key, read(ch, h, e));
            }
            String aliasJson = h.metadata.remove(ALIASES);
            if (aliasJson != null) {
                addAliases(file, sd, aliasJson);
            }
            sd.metadata().putAll(h.metadata);
            return sd;
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw fail(file, e.getMessage(), e);
        }
    }

    /** Receives the tensors of {@link #forEach}, one at a time. */
    @FunctionalInterface
    public interface TensorSink {
        /**
         * @param data the tensor's bytes as stored (little-endian, C order) in a direct buffer of its own, position 0:
         *     it may be handed to native code and kept (no copy is made)
         */
        void accept(String key, DType type, long[] shape, ByteBuffer data) throws IOException;
    }

    /**
     * Reads the tensors of {@code file} one at a time into direct buffers and hands each to {@code sink} (aliases
     * from the metadata after the stored tensors, with a copy of their canonical tensor's bytes): nothing of the
     * state dict passes through the Java heap, for loaders that put the weights into native memory (a full-size
     * model is 460 MB). {@link #decode} turns one into {@link TensorData}. Metadata other than aliases is not reported.
     */
    public static void forEach(Path file, TensorSink sink) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            Header h = readHeader(file, ch);
            Map<String, Entry> byKey = new LinkedHashMap<>();
            for (Entry e : h.entries) {
                byKey.put(e.key, e);
                sink.accept(e.key, e.type, e.shape.clone(), bytes(ch, h, e));
            }
            for (Map.Entry<String, String> a : aliases(file, h).entrySet()) {
                Entry e = byKey.get(a.getValue());
                sink.accept(a.getKey(), e.type, e.shape.clone(), bytes(ch, h, e));
            }
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw fail(file, e.getMessage(), e);
        }
    }

    /** The entry's bytes in a direct buffer of their own (for {@link #forEach}). */
    private static ByteBuffer bytes(FileChannel ch, Header h, Entry e) throws IOException {
        return fill(ch, h, e, ByteBuffer.allocateDirect(Math.toIntExact(e.end - e.begin)));
    }

    /** The entry's values, read through a heap buffer (for {@link #read}). */
    static TensorData read(FileChannel ch, Header h, Entry e) throws IOException {
        return decode(e.type, e.shape, fill(ch, h, e, ByteBuffer.allocate(Math.toIntExact(e.end - e.begin))));
    }

    private static ByteBuffer fill(FileChannel ch, Header h, Entry e, ByteBuffer data) throws IOException {
        data.order(ByteOrder.LITTLE_ENDIAN);
        readFully(ch, data, h.dataStart + e.begin);
        data.rewind();
        return data;
    }

    /**
     * Reads and validates only the header (dtypes, shapes, a gap-free layout that matches the file size), without
     * loading any data: the stored tensors in file order (aliases are not listed).
     */
    public static List<TensorInfo> readInfo(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            List<TensorInfo> out = new ArrayList<>();
            for (Entry e : readHeader(file, ch).entries) {
                out.add(new TensorInfo(e.key, e.type, e.shape));
            }
            return out;
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw fail(file, e.getMessage(), e);
        }
    }

    /**
     * Reads and validates the header of {@code file} once, for a reader that then loads the tensors one at a time by
     * key ({@link SafetensorsIndex#read}) rather than a full-size model (460 MB) on the Java heap at once.
     */
    public static SafetensorsIndex index(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            Header h = readHeader(file, ch);
            return new SafetensorsIndex(file, h, aliases(file, h), ch.size());
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw fail(file, e.getMessage(), e);
        }
    }

    /** Alias key to stored key, validated against the header's entries. */
    private static Map<String, String> aliases(Path file, Header h) throws CheckpointException {
        String aliasJson = h.metadata.get(ALIASES);
        if (aliasJson == null) {
            return Map.of();
        }
        StateDict keysOnly = new StateDict();
        for (Entry e : h.entries) {
            keysOnly.put(e.key, TensorData.ofLongs(new long[] {0}));
        }
        addAliases(file, keysOnly, aliasJson);
        return keysOnly.aliases();
    }

    private static Header readHeader(Path file, FileChannel ch) throws IOException {
        long size = ch.size();
        if (size < 8) {
            throw fail(file, "file is shorter than the 8-byte header length");
        }
        ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        readFully(ch, lenBuf, 0);
        long n = lenBuf.getLong(0);
        if (n <= 0 || n > MAX_HEADER_BYTES || n > size - 8) {
            throw fail(file, "header length " + Long.toUnsignedString(n) + " is out of range for a file of "
                    + size + " bytes");
        }
        ByteBuffer headerBuf = ByteBuffer.allocate((int) n);
        readFully(ch, headerBuf, 8);
        String json;
        try {
            json = StandardCharsets.UTF_8.newDecoder().decode(headerBuf.flip()).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw fail(file, "header is not valid UTF-8", e);
        }
        Header h = new Header();
        h.dataStart = 8 + n;
        parseHeader(file, json, h.entries, h.metadata);
        validateLayout(file, h.entries, size - h.dataStart);
        return h;
    }

    static final class Header {
        final List<Entry> entries = new ArrayList<>();
        final Map<String, String> metadata = new LinkedHashMap<>();
        long dataStart;
    }

    /**
     * Writes {@code sd} atomically (temporary file in the same folder, then a rename). Float tensors are written as
     * F32, integer tensors as I64. Alias keys are not stored twice: they go to {@code __metadata__["aliases"]}.
     * {@code metadata} (may be empty) is added to {@code __metadata__}.
     */
    public static void write(Path file, StateDict sd, Map<String, String> metadata) throws IOException {
        Map<String, String> meta = new LinkedHashMap<>(sd.metadata());
        meta.putAll(metadata);
        if (!sd.aliases().isEmpty()) {
            meta.put(ALIASES, MiniJson.stringMap(sd.aliases()));
        }
        List<StreamedTensor> tensors = new ArrayList<>();
        for (Map.Entry<String, TensorData> e : sd.asMap().entrySet()) {
            if (sd.aliasOf(e.getKey()) == null) {
                tensors.add(StreamedTensor.of(e.getKey(), e.getValue()));
            }
        }
        write(file, tensors, meta);
    }

    /**
     * Writes {@code tensors} in order atomically (temporary file in the same folder, fsync, rename), asking each for
     * its bytes only when it is written; a source that gives another length than its shape needs fails the write
     * (the old file stays). {@code metadata} (may be empty) becomes {@code __metadata__}.
     */
    public static void write(Path file, List<StreamedTensor> tensors, Map<String, String> metadata)
            throws IOException {
        StringBuilder h = new StringBuilder("{");
        if (!metadata.isEmpty()) {
            h.append("\"__metadata__\":").append(MiniJson.stringMap(metadata));
        }
        long offset = 0;
        for (StreamedTensor t : tensors) {
            long bytes = t.byteLength();
            if (h.length() > 1) {
                h.append(',');
            }
            h.append(MiniJson.quote(t.key())).append(":{\"dtype\":\"").append(t.type().safetensorsName())
                    .append("\",\"shape\":[");
            long[] shape = t.shape();
            for (int i = 0; i < shape.length; i++) {
                h.append(i == 0 ? "" : ",").append(shape[i]);
            }
            h.append("],\"data_offsets\":[").append(offset).append(',').append(offset + bytes).append("]}");
            offset += bytes;
        }
        h.append('}');
        byte[] header = h.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (header.length + 7) / 8 * 8;
        DurableFiles.createDirectories(file.toAbsolutePath().getParent());
        DurableFiles.writeFile(file, DurableFiles.Existing.REPLACE, tmp -> {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
                head.putLong(padded).put(header);
                while (head.hasRemaining()) {
                    head.put((byte) ' ');
                }
                writeFully(ch, head.flip());
                for (StreamedTensor t : tensors) {
                    ByteBuffer b = t.bytes().get();
                    if (b.remaining() != t.byteLength()) {
                        throw fail(file, "tensor '" + t.key() + "' gave " + b.remaining() + " bytes, its shape "
                                + Arrays.toString(t.shape()) + " needs " + t.byteLength());
                    }
                    writeFully(ch, b);
                }
            }
        });
    }

    static final class Entry {
        String key;
        DType type;
        long[] shape;
        long begin;
        long end;
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
                throw fail(file, "tensor '" + en.key + "' of " + en.type + " " + java.util.Arrays.toString(en.shape)
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

    private static void addAliases(Path file, StateDict sd, String aliasJson) throws CheckpointException {
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

    /** The values of a stored tensor's little-endian bytes. */
    public static TensorData decode(DType type, long[] shape, ByteBuffer data) {
        int n = Math.toIntExact(TensorData.numel(shape));
        if (type.isFloating()) {
            float[] v = new float[n];
            if (type == DType.F32) {
                data.asFloatBuffer().get(v);
            } else {
                for (int i = 0; i < n; i++) {
                    v[i] = ElementCodec.readFloat(data, type, i);
                }
            }
            return TensorData.ofFloats(shape, type, v);
        }
        long[] v = new long[n];
        if (type == DType.I64) {
            data.asLongBuffer().get(v);
        } else {
            for (int i = 0; i < n; i++) {
                v[i] = ElementCodec.readLong(data, type, i);
            }
        }
        return TensorData.ofLongs(shape, type, v);
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long pos) throws IOException {
        while (buf.hasRemaining()) {
            int r = ch.read(buf, pos + buf.position());
            if (r < 0) {
                throw new IOException("unexpected end of file");
            }
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }

    static CheckpointException fail(Path file, String what) {
        return new CheckpointException(file + ": " + what);
    }

    private static CheckpointException fail(Path file, String what, Throwable cause) {
        return new CheckpointException(file + ": " + what, cause);
    }
}
