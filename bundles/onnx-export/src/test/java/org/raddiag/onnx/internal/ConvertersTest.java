package org.raddiag.onnx.internal;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.api.model.ModelComponent;
import org.raddiag.onnx.BlockCall;
import org.raddiag.onnx.BlockConverter;
import org.raddiag.onnx.OnnxGraphBuilder;
import org.raddiag.onnx.Weights;

/** Converter lookup as services come and go, and the exporter's message for a missing one. */
class ConvertersTest {
    private static BlockConverter named(String type) {
        return new BlockConverter() {
            @Override
            public String blockType() {
                return type;
            }

            @Override
            public void emit(OnnxGraphBuilder g, BlockCall call) {
            }
        };
    }

    @Test
    void highestRankingThenFirstRegisteredWinsAndRemovalFallsBack() {
        Converters c = new Converters();
        BlockConverter a = named("mlp");
        BlockConverter b = named("mlp");
        BlockConverter ranked = named("mlp");
        Map<String, Object> pa = Map.of("service.id", 10L);
        Map<String, Object> pb = Map.of("service.id", 11L);
        Map<String, Object> pr = Map.of("service.id", 12L, "service.ranking", 5);
        c.add(a, pa);
        c.add(b, pb);
        assertSame(a, c.get("mlp"), "same ranking: the first registered");
        c.add(ranked, pr);
        assertSame(ranked, c.get("mlp"), "the highest ranking");
        c.remove(ranked, pr);
        assertSame(a, c.get("mlp"));
        c.remove(a, pa);
        assertSame(b, c.get("mlp"));
        c.remove(b, pb);
        assertNull(c.get("mlp"));
        assertNull(c.get(null));
    }

    @Test
    void componentPluginCanBuildTheConverter() {
        BlockConverter built = named("vit");
        ModelComponent vit = new ModelComponent() {
            @Override
            public String name() {
                return "vit";
            }

            @Override
            public boolean supports(Class<?> blockType) {
                return blockType == BlockConverter.class;
            }

            @Override
            public <B> B build(Class<B> blockType, ArchitectureConfig config) {
                return blockType.cast(built);
            }
        };
        Converters c = new Converters();
        assertNull(c.get("vit"));
        c.addComponent(vit, null);
        assertSame(built, c.get("vit"));
        c.add(named("vit"), null);
        assertNotSame(built, c.get("vit"), "a converter service takes precedence");
        c.removeComponent(vit, null);
    }

    @Test
    void missingConverterIsNamed() {
        ArchitectureConfig arch = new ArchitectureConfig(Map.of(ArchitectureConfig.BACKBONE, "vit",
                ArchitectureConfig.HIDDEN, "8", ArchitectureConfig.CLASSES, "2"));
        Weights w = Weights.builder().put("resnet2D.x", new float[1], 1).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Exporter(Converters.builtIn()).export(arch, w));
        assertTrue(e.getMessage().contains("no ONNX converter for backbone block type 'vit'"), e.getMessage());
    }
}
