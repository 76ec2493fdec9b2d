package org.raddiag.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.raddiag.checkpoint.internal.ElementCodec;
import org.raddiag.checkpoint.internal.PickleObjects.Dict;
import org.raddiag.checkpoint.internal.PickleObjects.StorageRef;
import org.raddiag.checkpoint.internal.PickleObjects.TensorRef;
import org.raddiag.checkpoint.internal.PickleRefusedException;
import org.raddiag.checkpoint.internal.RestrictedUnpickler;

/**
 * Reads a state dict saved by {@code torch.save} in the zip format ({@code pytorch_model.bin}, {@code weights.bin}):
 * {@code <top>/data.pkl}, the raw little-endian storages {@code <top>/data/<key>} and {@code <top>/version}.
 * The pickle is interpreted by a restricted unpickler that executes nothing and accepts only the globals a state
 * dict needs; anything else is refused with a {@link CheckpointException} naming the file and the global.
 * Storage sizes are checked against the zip entries before any allocation. Keys that view the same storage with
 * the same offset, size and stride become aliases of the first such key.
 */
public final class TorchCheckpoint {
    /** Largest {@code data.pkl} accepted; real state-dict pickles are a few hundred kB. */
    public static final long MAX_PICKLE_BYTES = 64L * 1024 * 1024;

    private TorchCheckpoint() {
    }

    /** Reads the state dict in {@code file}. */
    public static StateDict read(Path file) throws IOException {
        if (!isZip(file)) {
            throw new CheckpointException(file + ": not a zip archive; the legacy (pre-1.6) torch.save format is not "
                    + "supported");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            String top = topFolder(file, zip);
            checkByteOrder(file, zip, top);
            ZipEntry pkl = zip.getEntry(top + "data.pkl");
            byte[] pickle = readEntry(file, zip, pkl, pkl.getSize(), MAX_PICKLE_BYTES);
            Object root;
            try {
                root = RestrictedUnpickler.load(pickle, file + "!" + pkl.getName());
            } catch (PickleRefusedException e) {
                throw new CheckpointException(e.getMessage(), e);
            }
            if (!(root instanceof Dict)) {
                throw new CheckpointException(file + ": the pickle holds a " + root.getClass().getSimpleName()
                        + ", not a state dict");
            }
            return materialise(file, zip, top, (Dict) root);
        } catch (ZipException e) {
            throw new CheckpointException(file + ": broken zip archive: " + e.getMessage(), e);
        }
    }

    private static StateDict materialise(Path file, ZipFile zip, String top, Dict root) throws IOException {
        StateDict sd = new StateDict();
        Map<String, TensorData> storages = new HashMap<>();
        Map<String, StorageRef> storageRecords = new HashMap<>();
        List<Object[]> views = new ArrayList<>();
        for (Map.Entry<Object, Object> e : root.entrySet()) {
            if (!(e.getKey() instanceof String) || !(e.getValue() instanceof TensorRef)) {
                throw new CheckpointException(file + ": entry " + e.getKey() + " is not a tensor; only plain state dicts "
                        + "are supported");
            }
            String key = (String) e.getKey();
            TensorRef ref = (TensorRef) e.getValue();
            StorageRef s = ref.storage();
            StorageRef known = storageRecords.putIfAbsent(s.key(), s);
            if (known != null && (known.type() != s.type() || known.numel() != s.numel())) {
                throw new CheckpointException(file + ": storage '" + s.key() + "' is described inconsistently");
            }
            TensorData storage = storages.get(s.key());
            if (storage == null) {
                storage = readStorage(file, zip, top, s);
                storages.put(s.key(), storage);
            }
            String alias = findAlias(views, ref);
            if (alias != null) {
                sd.putAlias(key, alias);
            } else {
                sd.put(key, view(file, key, storage, ref));
                views.add(new Object[] {key, ref});
            }
        }
        return sd;
    }

    private static String findAlias(List<Object[]> views, TensorRef ref) {
        for (Object[] v : views) {
            TensorRef o = (TensorRef) v[1];
            if (o.storage().key().equals(ref.storage().key()) && o.offset() == ref.offset()
                    && Arrays.equals(o.size(), ref.size()) && Arrays.equals(o.stride(), ref.stride())) {
                return (String) v[0];
            }
        }
        return null;
    }

    private static TensorData readStorage(Path file, ZipFile zip, String top, StorageRef s) throws IOException {
        String name = top + "data/" + s.key();
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new CheckpointException(file + ": storage entry '" + name + "' is missing");
        }
        long bytes = Math.multiplyExact(s.numel(), (long) s.type().byteSize());
        if (entry.getSize() >= 0 && entry.getSize() < bytes) {
            throw new CheckpointException(file + ": storage '" + name + "' declares " + s.numel() + " x " + s.type()
                    + " = " + bytes + " bytes but the zip entry holds " + entry.getSize());
        }
        if (s.numel() < 0 || bytes > Integer.MAX_VALUE - 8) {
            throw new CheckpointException(file + ": storage '" + s.key() + "' of " + s.numel() + " elements is too large");
        }
        byte[] raw = readEntry(file, zip, entry, bytes, bytes);
        ByteBuffer buf = ElementCodec.littleEndian(raw);
        return SafetensorsFile.decode(s.type(), new long[] {s.numel()}, buf);
    }

    private static TensorData view(Path file, String key, TensorData storage, TensorRef ref)
            throws CheckpointException {
        long[] size = ref.size();
        long[] stride = ref.stride();
        if (size.length != stride.length) {
            throw new CheckpointException(file + ": tensor '" + key + "' has size and stride of different rank");
        }
        long numel = TensorData.numel(size);
        long maxIndex = ref.offset();
        for (int i = 0; i < size.length; i++) {
            if (stride[i] < 0) {
                throw new CheckpointException(file + ": tensor '" + key + "' has a negative stride");
            }
            if (size[i] > 0) {
                maxIndex += (size[i] - 1) * stride[i];
            }
        }
        long storageNumel = storage.numel();
        if (ref.offset() < 0 || (numel > 0 && maxIndex >= storageNumel)) {
            throw new CheckpointException(file + ": tensor '" + key + "' " + Arrays.toString(size) + " at offset "
                    + ref.offset() + " reaches beyond its storage of " + storageNumel + " elements");
        }
        int n = (int) numel;
        boolean contiguous = isContiguous(size, stride);
        DType type = storage.sourceType();
        if (storage.isFloating()) {
            float[] src = storage.floats();
            if (contiguous && ref.offset() == 0 && n == src.length) {
                return TensorData.ofFloats(size, type, src);
            }
            float[] dst = new float[n];
            if (contiguous) {
                System.arraycopy(src, (int) ref.offset(), dst, 0, n);
            } else {
                for (int i = 0; i < n; i++) {
                    dst[i] = src[(int) stridedIndex(i, size, stride, ref.offset())];
                }
            }
            return TensorData.ofFloats(size, type, dst);
        }
        long[] src = storage.longs();
        if (contiguous && ref.offset() == 0 && n == src.length) {
            return TensorData.ofLongs(size, type, src);
        }
        long[] dst = new long[n];
        for (int i = 0; i < n; i++) {
            dst[i] = src[(int) (contiguous ? ref.offset() + i : stridedIndex(i, size, stride, ref.offset()))];
        }
        return TensorData.ofLongs(size, type, dst);
    }

    static boolean isContiguous(long[] size, long[] stride) {
        long expect = 1;
        for (int i = size.length - 1; i >= 0; i--) {
            if (size[i] != 1 && stride[i] != expect) {
                return false;
            }
            expect *= size[i];
        }
        return true;
    }

    private static long stridedIndex(long flat, long[] size, long[] stride, long offset) {
        long idx = offset;
        for (int d = size.length - 1; d >= 0; d--) {
            idx += (flat % size[d]) * stride[d];
            flat /= size[d];
        }
        return idx;
    }

    private static String topFolder(Path file, ZipFile zip) throws CheckpointException {
        String top = null;
        for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements();) {
            String name = en.nextElement().getName();
            int slash = name.indexOf('/');
            if (slash > 0 && name.substring(slash + 1).equals("data.pkl")) {
                if (top != null) {
                    throw new CheckpointException(file + ": more than one data.pkl in the archive");
                }
                top = name.substring(0, slash + 1);
            }
        }
        if (top == null) {
            throw new CheckpointException(file + ": no <top>/data.pkl entry; not a torch.save archive");
        }
        return top;
    }

    private static void checkByteOrder(Path file, ZipFile zip, String top) throws IOException {
        ZipEntry bo = zip.getEntry(top + "byteorder");
        if (bo != null) {
            String order = new String(readEntry(file, zip, bo, bo.getSize(), 64), StandardCharsets.US_ASCII).trim();
            if (!order.equals("little")) {
                throw new CheckpointException(file + ": byte order '" + order + "' is not supported");
            }
        }
    }

    private static byte[] readEntry(Path file, ZipFile zip, ZipEntry entry, long expected, long limit)
            throws IOException {
        if (expected < 0 || expected > limit) {
            throw new CheckpointException(file + ": entry '" + entry.getName() + "' size " + expected
                    + " is out of bounds (limit " + limit + ")");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] b = in.readNBytes((int) expected);
            if (b.length != expected) {
                throw new CheckpointException(file + ": entry '" + entry.getName() + "' is truncated");
            }
            return b;
        }
    }

    private static boolean isZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        }
    }
}
