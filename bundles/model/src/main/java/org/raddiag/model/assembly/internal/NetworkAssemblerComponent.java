package org.raddiag.model.assembly.internal;

import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.raddiag.api.ServiceProperties;
import org.raddiag.api.model.ClassifierHead;
import org.raddiag.api.model.SliceBackbone;
import org.raddiag.model.assembly.NetworkAssembler;
import org.raddiag.model.assembly.PluginAssembler;

/** The {@link NetworkAssembler} service: follows every backbone and head plugin as it comes and goes. */
@Component(service = NetworkAssembler.class)
public final class NetworkAssemblerComponent extends PluginAssembler {
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindBackbone(SliceBackbone b, Map<String, Object> p) {
        addBackbone(name(p, ServiceProperties.BACKBONE, b.name()), b);
    }

    void unbindBackbone(SliceBackbone b, Map<String, Object> p) {
        removeBackbone(name(p, ServiceProperties.BACKBONE, b.name()), b);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindHead(ClassifierHead h, Map<String, Object> p) {
        addHead(name(p, ServiceProperties.HEAD, h.name()), h);
    }

    void unbindHead(ClassifierHead h, Map<String, Object> p) {
        removeHead(name(p, ServiceProperties.HEAD, h.name()), h);
    }

    @Deactivate
    void deactivate() {
        close();
    }

    private static String name(Map<String, Object> p, String key, String fallback) {
        Object v = p.get(key);
        return v == null ? fallback : String.valueOf(v);
    }
}
