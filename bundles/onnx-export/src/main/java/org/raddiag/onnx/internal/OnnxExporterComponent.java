package org.raddiag.onnx.internal;

import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.raddiag.api.model.Fusion;
import org.raddiag.api.model.ClassifierHead;
import org.raddiag.api.model.SliceBackbone;
import org.raddiag.onnx.BlockConverter;
import org.raddiag.onnx.OnnxExporter;

/**
 * The {@link OnnxExporter} service; follows every {@link BlockConverter} service, this bundle's and plugins', and the
 * backbone, fusion and head component services, which may build a converter for their block type instead.
 */
@Component(service = OnnxExporter.class)
public final class OnnxExporterComponent extends Exporter {
    private final Converters converters;

    public OnnxExporterComponent() {
        this(new Converters());
    }

    private OnnxExporterComponent(Converters converters) {
        super(converters);
        this.converters = converters;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addConverter(BlockConverter c, Map<String, Object> properties) {
        converters.add(c, properties);
    }

    void removeConverter(BlockConverter c, Map<String, Object> properties) {
        converters.remove(c, properties);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addBackbone(SliceBackbone c, Map<String, Object> properties) {
        converters.addComponent(c, properties);
    }

    void removeBackbone(SliceBackbone c, Map<String, Object> properties) {
        converters.removeComponent(c, properties);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addFusion(Fusion c, Map<String, Object> properties) {
        converters.addComponent(c, properties);
    }

    void removeFusion(Fusion c, Map<String, Object> properties) {
        converters.removeComponent(c, properties);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addHead(ClassifierHead c, Map<String, Object> properties) {
        converters.addComponent(c, properties);
    }

    void removeHead(ClassifierHead c, Map<String, Object> properties) {
        converters.removeComponent(c, properties);
    }
}
