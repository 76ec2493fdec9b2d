package org.raddiag.onnx.internal;

import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.raddiag.api.model.ClassifierHead;
import org.raddiag.api.model.Fusion;
import org.raddiag.api.model.ModelComponent;
import org.raddiag.api.model.SliceBackbone;
import org.raddiag.onnx.BlockConverter;
import org.raddiag.onnx.OnnxExporter;
import org.raddiag.support.osgi.TrackedServices;

/**
 * The {@link OnnxExporter} service: this bundle's converters of the shared blocks, every {@link BlockConverter} service
 * (ranked first) and the backbone, fusion and head component services, which may build a converter for their block
 * type instead.
 */
@Component(service = OnnxExporter.class)
public final class OnnxExporterComponent extends Exporter {
    private final Converters converters;
    private final List<TrackedServices.Feed> feeds = new ArrayList<>();

    public OnnxExporterComponent() {
        this(Converters.builtIn());
    }

    private OnnxExporterComponent(Converters converters) {
        super(converters);
        this.converters = converters;
    }

    @Activate
    void activate(BundleContext context) {
        feeds.add(TrackedServices.feed(context, BlockConverter.class, converters.byType(), Converters::typeOf));
        for (Class<? extends ModelComponent> type : List.of(SliceBackbone.class, Fusion.class, ClassifierHead.class)) {
            feeds.add(TrackedServices.feed(context, type, converters.components(), (c, properties) -> c.name()));
        }
    }

    @Deactivate
    void deactivate() {
        feeds.forEach(TrackedServices.Feed::close);
        feeds.clear();
    }
}
