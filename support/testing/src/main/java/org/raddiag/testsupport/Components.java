package org.raddiag.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.raddiag.api.model.ClassifierHead;
import org.raddiag.api.model.ModelComponent;
import org.raddiag.api.model.SliceBackbone;

/**
 * Backbone, head and converter plugins on the test class path, found through the {@code META-INF/services} files each
 * plugin ships (as a plain-Java embedding finds them outside OSGi), so tests never import a plugin's private package.
 * Add the plugin modules as test-scope dependencies. (An assembler over all of them:
 * {@code PluginAssembler.fromServiceLoader}; an ONNX exporter: {@code OnnxExporters.standalone(Components.all(
 * BlockConverter.class), Components.components())}, the components building their own converters; this module
 * depends on neither, which would make a Maven cycle.)
 */
public final class Components {
    private Components() {
    }

    /** The backbone plugin called {@code name} ({@code resnet18}, {@code resnet50}, {@code vit}, ...). */
    public static SliceBackbone backbone(String name) {
        return named(SliceBackbone.class, name, "backbone");
    }

    /** The head plugin called {@code name} ({@code mlp}, {@code knowledge}, ...). */
    public static ClassifierHead head(String name) {
        return named(ClassifierHead.class, name, "head");
    }

    /** Every backbone and head plugin on the test class path. */
    public static List<ModelComponent> components() {
        List<ModelComponent> out = new ArrayList<>(all(SliceBackbone.class));
        out.addAll(all(ClassifierHead.class));
        return out;
    }

    /** Every provider of {@code service} (e.g. {@code BlockConverter.class}: all converters) on the test class path. */
    public static <T> List<T> all(Class<T> service) {
        List<T> out = new ArrayList<>();
        ServiceLoader.load(service, Components.class.getClassLoader()).forEach(out::add);
        return out;
    }

    private static <T extends ModelComponent> T named(Class<T> type, String name, String kind) {
        List<String> seen = new ArrayList<>();
        for (T c : all(type)) {
            if (c.name().equals(name)) {
                return c;
            }
            seen.add(c.name());
        }
        throw new IllegalStateException("no " + kind + " plugin '" + name + "' on the test class path (found " + seen
                + "); add the plugin module as a test-scope dependency");
    }
}
