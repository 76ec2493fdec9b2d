package org.raddiag.text.minilm.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.raddiag.api.ServiceProperties;
import org.raddiag.api.compute.ComputeBackend;
import org.raddiag.api.text.TextEncoder;

/**
 * One text encoder per user folder holding {@code model.onnx} and {@code tokenizer.json} (e.g. BioLORD-2023 or
 * MedCPT exported with optimum), so new encoders plug in with no rebuild. Factory PID {@code org.raddiag.text.local};
 * keys: {@code raddiag.encoder} (the name, required), {@code folder} (required), {@code pooling} ({@code mean}
 * default, or {@code cls}), {@code maxTokens} (512), {@code batchSize} (64), {@code threads} (2).
 */
@Component(configurationPid = LocalFolderEncoderComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = TextEncoder.class, property = ServiceProperties.KIND + "=" + TextEncoder.KIND)
public final class LocalFolderEncoderComponent extends OnnxEncoderService {
    static final String PID = "org.raddiag.text.local";
    static final int DEFAULT_MAX_TOKENS = 512;

    @Activate
    public LocalFolderEncoderComponent(@Reference(name = "engine", target = "(raddiag.backend=onnxruntime)")
            ComputeBackend engine, Map<String, Object> properties) throws IOException {
        super(load(properties));
    }

    private static OnnxTextEncoder load(Map<String, Object> properties) throws IOException {
        Object name = properties.get(TextEncoder.ENCODER);
        Object folder = properties.get("folder");
        if (name == null || name.toString().isBlank() || folder == null || folder.toString().isBlank()) {
            throw new IllegalArgumentException(PID + ": the configuration needs " + TextEncoder.ENCODER
                    + " (the encoder's name) and folder (with model.onnx and tokenizer.json), got " + properties);
        }
        return EncoderLoader.folder(name.toString().trim(), Path.of(folder.toString().trim()),
                EncoderLoader.settings(properties, DEFAULT_MAX_TOKENS));
    }

    @Deactivate
    void deactivate() {
        close();
    }
}
