package org.raddiag.checkpoint;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A checkpoint's validated header ({@link SafetensorsFile#index}): its tensors, its aliases, and reads of one tensor
 * by key, for readers that hold one tensor at a time.
 */
public final class SafetensorsIndex {
    private final Path file;
    private final SafetensorsHeader header;
    private final Map<String, String> aliases;
    private final Map<String, SafetensorsHeader.Entry> byKey = new LinkedHashMap<>();
    private final long size;

    SafetensorsIndex(Path file, SafetensorsHeader header, Map<String, String> aliases, long size) {
        this.file = file;
        this.header = header;
        this.aliases = aliases;
        this.size = size;
        header.entries.forEach(e -> byKey.put(e.key, e));
    }

    /** The stored tensors in file order (aliases not included). */
    public List<TensorInfo> tensors() {
        List<TensorInfo> out = new ArrayList<>();
        for (SafetensorsHeader.Entry e : header.entries) {
            out.add(new TensorInfo(e.key, e.type, e.shape));
        }
        return out;
    }

    /** Alias keys (PyTorch's shared storages) mapped to the stored key each one reads; empty when none. */
    public Map<String, String> aliases() {
        return aliases;
    }

    /**
     * The values of stored tensor or alias {@code key}; a file whose size changed since the index was made is
     * refused, not misread.
     */
    public TensorData read(String key) throws IOException {
        SafetensorsHeader.Entry e = byKey.get(aliases.getOrDefault(key, key));
        if (e == null) {
            throw SafetensorsFile.fail(file, "no tensor '" + key + "'");
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            if (ch.size() != size) {
                throw SafetensorsFile.fail(file, "changed while it was being read (" + size + " bytes, now "
                        + ch.size() + ")");
            }
            return header.read(ch, e);
        }
    }
}
