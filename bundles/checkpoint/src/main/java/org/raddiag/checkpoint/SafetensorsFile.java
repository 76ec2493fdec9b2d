package org.raddiag.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
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
            SafetensorsHeader h = SafetensorsHeader.read(file, ch);
            StateDict sd = new StateDict();
            for (SafetensorsHeader.Entry e : h.entries) {
                sd.put(e.key, h.read(ch, e));
            }
            String aliasJson = h.metadata.remove(ALIASES);
            if (aliasJson != null) {
                SafetensorsHeader.addAliases(file, sd, aliasJson);
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
            SafetensorsHeader h = SafetensorsHeader.read(file, ch);
            Map<String, SafetensorsHeader.Entry> byKey = new LinkedHashMap<>();
            for (SafetensorsHeader.Entry e : h.entries) {
                byKey.put(e.key, e);
                sink.accept(e.key, e.type, e.shape.clone(), h.bytes(ch, e));
            }
            for (Map.Entry<String, String> a : h.aliases(file).entrySet()) {
                SafetensorsHeader.Entry e = byKey.get(a.getValue());
                sink.accept(a.getKey(), e.type, e.shape.clone(), h.bytes(ch, e));
            }
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw fail(file, e.getMessage(), e);
        }
    }

    /**
     * Reads and validates only the header (dtypes, shapes, a gap-free layout that matches the file size), without
     * loading any data: the stored tensors in file order (aliases are not listed).
     */
    public static List<TensorInfo> readInfo(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            List<TensorInfo> out = new ArrayList<>();
            for (SafetensorsHeader.Entry e : SafetensorsHeader.read(file, ch).entries) {
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
            SafetensorsHeader h = SafetensorsHeader.read(file, ch);
            return new SafetensorsIndex(file, h, h.aliases(file), ch.size());
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw fail(file, e.getMessage(), e);
        }
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

    private static void writeFully(FileChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }

    static CheckpointException fail(Path file, String what) {
        return new CheckpointException(file + ": " + what);
    }

    static CheckpointException fail(Path file, String what, Throwable cause) {
        return new CheckpointException(file + ": " + what, cause);
    }
}
