package org.raddiag.onnx.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The large float initializers of one ONNX graph, written to a side file in ONNX's external-data layout (each tensor
 * at a page-aligned offset, little-endian) instead of into the model's {@code raw_data}. The runner opens the graph
 * from that folder, so the weights exist once in ONNX Runtime's memory (mapped or read from the file) rather than
 * three more times as protobuf byte strings, a serialised model and ONNX Runtime's parsed copy of it.
 */
final class ExternalWeights implements AutoCloseable {
    /** Tensors smaller than this stay inline (shape constants must be readable by shape inference). */
    static final int MIN_FLOATS = 1024;
    private static final int ALIGN = 4096;

    /** Where one tensor lies in the file. */
    record Extent(String location, long offset, long length) {
    }

    private final Path file;
    private final FileChannel channel;
    private final ByteBuffer chunk = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
    private long position;

    ExternalWeights(Path file) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    /** Appends {@code values} at the next aligned offset. */
    Extent put(float[] values) {
        long offset = (position + ALIGN - 1) / ALIGN * ALIGN;
        try {
            channel.position(offset);
            FloatBuffer floats = chunk.clear().asFloatBuffer();
            for (int from = 0; from < values.length; from += floats.capacity()) {
                int n = Math.min(floats.capacity(), values.length - from);
                floats.clear();
                floats.put(values, from, n);
                chunk.clear().limit(n * Float.BYTES);
                while (chunk.hasRemaining()) {
                    channel.write(chunk);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write ONNX weights to " + file + ": " + e.getMessage(), e);
        }
        long length = (long) values.length * Float.BYTES;
        position = offset + length;
        return new Extent(file.getFileName().toString(), offset, length);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
