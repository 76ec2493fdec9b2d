package org.raddiag.checkpoint;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.raddiag.checkpoint.internal.PickleWriter;
import org.raddiag.support.files.DurableFiles;

/**
 * Writes a state dict in the {@code torch.save} zip format that {@code torch.load} and {@link TorchCheckpoint}
 * read: an uncompressed (stored) zip with {@code <top>/data.pkl} (pickle protocol 2: an {@code OrderedDict} of
 * {@code torch._utils._rebuild_tensor_v2} calls whose storages are persistent ids
 * {@code ('storage', torch.FloatStorage|LongStorage, '<n>', 'cpu', numel)}), {@code <top>/byteorder}
 * ({@code little}), the raw little-endian storages {@code <top>/data/<n>} and {@code <top>/version} ({@code 3}).
 * As in PyTorch, each entry's data starts on a 64-byte boundary (padding in the local header's extra field).
 * Floating tensors are stored as float32, integral ones as int64; an alias key shares its canonical key's storage.
 * The file is written durably ({@link DurableFiles}): readers see the old file or the complete new one.
 */
public final class TorchCheckpointWriter {
    /** Alignment of entry data, as PyTorch's stream writer uses. */
    public static final int ALIGNMENT = 64;
    private static final int SETITEMS_BATCH = 1000;
    private static final int PAD_HEADER_ID = 0x4246; // "FB", PyTorch's padding record
    /** Fixed entry time (inside the DOS range, so no extended-timestamp field disturbs the alignment). */
    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private TorchCheckpointWriter() {
    }

    /** Writes {@code sd} with the file name without extension as the archive's top folder (like torch 1.x). */
    public static void write(Path file, StateDict sd) throws IOException {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String top = (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^A-Za-z0-9_.-]", "_");
        write(file, sd, top.isEmpty() ? "archive" : top);
    }

    /** Writes {@code sd} with {@code top} as the archive's top folder. */
    public static void write(Path file, StateDict sd, String top) throws IOException {
        if (top.isEmpty() || top.contains("/")) {
            throw new IllegalArgumentException("invalid archive folder '" + top + "'");
        }
        Map<String, String> storageOf = new HashMap<>();
        Map<String, TensorData> storages = new java.util.LinkedHashMap<>();
        for (String key : sd.keys()) {
            String canonical = sd.aliasOf(key);
            if (canonical == null) {
                String id = Integer.toString(storages.size());
                storages.put(id, sd.get(key));
                storageOf.put(key, id);
            } else {
                storageOf.put(key, storageOf.get(canonical));
            }
        }
        byte[] pickle = pickle(sd, storageOf);
        DurableFiles.createDirectories(file.toAbsolutePath().getParent());
        DurableFiles.write(file, DurableFiles.Existing.REPLACE, out -> {
            OutputStream file0 = new BufferedOutputStream(out, 1 << 16);
            try (CountingStream counter = new CountingStream(file0);
                    ZipOutputStream zip = new ZipOutputStream(counter)) {
                putStored(zip, counter, top + "/data.pkl", pickle);
                putStored(zip, counter, top + "/byteorder", "little".getBytes(StandardCharsets.US_ASCII));
                for (Map.Entry<String, TensorData> s : storages.entrySet()) {
                    putStored(zip, counter, top + "/data/" + s.getKey(), s.getValue().littleEndianBytes().array());
                }
                putStored(zip, counter, top + "/version", "3\n".getBytes(StandardCharsets.US_ASCII));
            }
        });
    }

    static byte[] pickle(StateDict sd, Map<String, String> storageOf) {
        PickleWriter p = new PickleWriter().proto2().global("collections", "OrderedDict").emptyTuple().reduce();
        int inBatch = 0;
        for (String key : sd.keys()) {
            if (inBatch == 0) {
                p.mark();
            }
            TensorData t = sd.get(key);
            p.unicode(key);
            p.global("torch._utils", "_rebuild_tensor_v2").mark();
            p.mark().unicode("storage").global("torch", t.isFloating() ? "FloatStorage" : "LongStorage")
                    .unicode(storageOf.get(key)).unicode("cpu").integer(t.numel()).tupleFromMark().binPersId();
            p.integer(0).intTuple(t.shape()).intTuple(contiguousStride(t.shape())).newFalse()
                    .global("collections", "OrderedDict").emptyTuple().reduce();
            p.tupleFromMark().reduce();
            if (++inBatch == SETITEMS_BATCH) {
                p.setItems();
                inBatch = 0;
            }
        }
        if (inBatch > 0) {
            p.setItems();
        }
        return p.stop().bytes();
    }

    static long[] contiguousStride(long[] shape) {
        long[] stride = new long[shape.length];
        long s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            stride[i] = s;
            s *= Math.max(shape[i], 1);
        }
        return stride;
    }

    private static void putStored(ZipOutputStream zip, CountingStream counter, String name, byte[] data)
            throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(data.length);
        e.setCompressedSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        e.setCrc(crc.getValue());
        e.setTimeLocal(FIXED_TIME);
        zip.flush();
        int nameBytes = name.getBytes(StandardCharsets.UTF_8).length;
        long dataStart = counter.count + 30 + nameBytes + 4;
        int pad = (int) ((ALIGNMENT - dataStart % ALIGNMENT) % ALIGNMENT);
        byte[] extra = new byte[4 + pad];
        ByteBuffer.wrap(extra).order(ByteOrder.LITTLE_ENDIAN).putShort((short) PAD_HEADER_ID).putShort((short) pad);
        e.setExtra(extra);
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }

    /** Counts the bytes written so far, to align entry data. */
    private static final class CountingStream extends FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
