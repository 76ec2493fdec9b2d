package org.raddiag.text.minilm.internal;

import java.io.IOException;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.raddiag.api.ServiceProperties;
import org.raddiag.api.compute.ComputeBackend;
import org.raddiag.api.text.Pooling;
import org.raddiag.api.text.TextEncoder;

/**
 * The built-in text encoder all-MiniLM-L6-v2 (384 dimensions, mean pooling, 256 tokens), on ONNX Runtime. Optional
 * configuration (PID {@code org.raddiag.text.minilm}): {@code threads}, {@code batchSize}. The model loads when the
 * service is first used (a delayed component), not at every start of the runtime.
 */
@Component(configurationPid = "org.raddiag.text.minilm", service = TextEncoder.class,
        property = {ServiceProperties.KIND + "=" + TextEncoder.KIND, TextEncoder.ENCODER + "=" + EncoderLoader.MINILM})
public final class MiniLmEncoderComponent extends OnnxEncoderService {

    /** The ONNX Runtime engine is referenced so that the encoder starts only once its natives work. */
    @Activate
    public MiniLmEncoderComponent(@Reference(name = "engine", target = "(raddiag.backend=onnxruntime)")
            ComputeBackend engine, Map<String, Object> properties) throws IOException {
        super(load(properties));
    }

    private static OnnxTextEncoder load(Map<String, Object> properties) throws IOException {
        EncoderLoader.Settings s = EncoderLoader.settings(properties, EncoderLoader.MINILM_MAX_TOKENS);
        if (s.pooling() != Pooling.MEAN) {
            throw new IllegalArgumentException("org.raddiag.text.minilm: all-MiniLM-L6-v2 is trained for mean pooling");
        }
        return EncoderLoader.minilm(s);
    }

    @Deactivate
    void deactivate() {
        close();
    }
}
