package org.raddiag.support.osgi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.raddiag.support.files.DurableFiles;

/**
 * A real Felix framework for each test, in a temp folder removed after it, to register services and read their real
 * references: {@code @ExtendWith(RealFramework.class)} on the test class, and a {@link BundleContext} parameter on
 * each test method that needs the framework.
 */
public final class RealFramework implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace HERE = ExtensionContext.Namespace.create(RealFramework.class);

    @Override
    public void beforeEach(ExtensionContext test) throws Exception {
        Path storage = Files.createTempDirectory("raddiag-felix-");
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        Framework framework = new FrameworkFactory().newFramework(config);
        test.getStore(HERE).put(Path.class, storage);
        test.getStore(HERE).put(Framework.class, framework);
        framework.start();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext test) {
        return parameter.getParameter().getType() == BundleContext.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext test) {
        return test.getStore(HERE).get(Framework.class, Framework.class).getBundleContext();
    }

    /** The properties of a reference as DS passes them to bind methods. */
    public static Map<String, Object> properties(ServiceReference<?> ref) {
        Map<String, Object> p = new HashMap<>();
        for (String k : ref.getPropertyKeys()) {
            p.put(k, ref.getProperty(k));
        }
        return p;
    }

    /** Key/value pairs as a registration dictionary. */
    public static Dictionary<String, Object> dict(Object... keyValues) {
        Hashtable<String, Object> d = new Hashtable<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            d.put((String) keyValues[i], keyValues[i + 1]);
        }
        return d;
    }

    @Override
    public void afterEach(ExtensionContext test) throws Exception {
        try {
            Framework framework = test.getStore(HERE).get(Framework.class, Framework.class);
            framework.stop();
            framework.waitForStop(10_000);
        } finally {
            DurableFiles.deleteTree(test.getStore(HERE).get(Path.class, Path.class));
        }
    }
}
