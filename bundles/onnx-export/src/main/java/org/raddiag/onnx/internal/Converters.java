package org.raddiag.onnx.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.raddiag.onnx.BlockConverter;

/**
 * Converters by block type; the exporter component fills it from services, tests from {@link #builtIn()}. When
 * several converters claim one type the most recently added wins, and removing it falls back to the previous one.
 */
final class Converters {
    private final Map<String, List<BlockConverter>> byType = new HashMap<>();

    /** The converters this bundle registers as services. */
    static Converters builtIn() {
        Converters c = new Converters();
        for (BlockConverter b : List.of(new ResNet18Converter(), new ResNet34Converter(), new ResNet50Converter(),
                new Attention1DConverter(), new VitFuseConverter(), new MlpHeadConverter())) {
            c.add(b);
        }
        return c;
    }

    synchronized void add(BlockConverter c) {
        byType.computeIfAbsent(c.blockType(), k -> new ArrayList<>()).add(c);
    }

    synchronized void remove(BlockConverter c) {
        List<BlockConverter> l = byType.get(c.blockType());
        if (l != null) {
            l.remove(c);
        }
    }

    /** The converter for {@code blockType}, or null. */
    synchronized BlockConverter get(String blockType) {
        List<BlockConverter> l = blockType == null ? null : byType.get(blockType);
        return l == null || l.isEmpty() ? null : l.get(l.size() - 1);
    }
}
