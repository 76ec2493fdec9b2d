package org.raddiag.onnx;

import java.util.Collection;
import org.raddiag.api.model.ModelComponent;
import org.raddiag.api.model.ModelRunner;
import org.raddiag.onnx.internal.Converters;
import org.raddiag.onnx.internal.Exporter;
import org.raddiag.onnx.internal.OrtModelRunner;

/**
 * ONNX exporters and the ONNX Runtime runner outside OSGi (plain-Java embeddings, plugin tests): in the runtime the {@link OnnxExporter} service
 * follows the converter and component services by itself; here the caller hands over the plugins' converters and
 * components (for instance those found with {@link java.util.ServiceLoader} from their {@code META-INF/services}).
 */
public final class OnnxExporters {
    private OnnxExporters() {
    }

    /**
     * An exporter with this bundle's own converters (the shared blocks: depth attention, case fusion), then
     * {@code converters} and the converters that {@code components} (backbones, fusions, heads) build for their own
     * block type. When several claim one block type, the first one given wins.
     */
    public static OnnxExporter standalone(Collection<? extends BlockConverter> converters,
            Collection<? extends ModelComponent> components) {
        Converters c = Converters.builtIn();
        for (BlockConverter b : converters) {
            c.add(b);
        }
        for (ModelComponent m : components) {
            c.addComponent(m);
        }
        return new Exporter(c);
    }

    /**
     * The ONNX Runtime model runner outside OSGi: exports each package with {@code exporter} and opens a session on
     * the CPU with {@code threads} intra-op threads, as the runner service does inside the framework.
     */
    public static ModelRunner runner(OnnxExporter exporter, int threads) {
        return new OrtModelRunner(exporter, "cpu", threads);
    }
}
