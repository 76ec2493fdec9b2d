package org.raddiag.onnx.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.raddiag.onnx.BlockConverter;

/** Converters by block type; the exporter component fills it from services, tests from {@link #builtIn()}. */
final class Converters {
    private final Map<String, BlockConverter> byType = new ConcurrentHashMap<>();

    /** The converters this bundle registers as services. */
    static Converters builtIn() {
        Converters c = new Converters();
        for (BlockConverter b : List.of(new ResNet18Converter(), new ResNet34Converter(), new ResNet50Converter(),
                new Attention1DConverter(), new VitFuseConverter(), new MlpHeadConverter())) {
            c.add(b);
        }
        return c;
    }

    void add(BlockConverter c) {
        byType.put(c.blockType(), c);
    }

    void remove(BlockConverter c) {
        byType.remove(c.blockType(), c);
    }

    BlockConverter get(String blockType) {
        return blockType == null ? null : byType.get(blockType);
    }
}
