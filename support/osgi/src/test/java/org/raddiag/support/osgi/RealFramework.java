package org.raddiag.support.osgi;

import java.nio.file.Path;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;

/** A real Felix framework in a temp folder, to register services and read their real references. */
public final class RealFramework implements AutoCloseable {
    private final Framework framework;

    public RealFramework(Path storage) throws BundleException {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        framework = new FrameworkFactory().newFramework(config);
        framework.start();
    }

    public BundleContext context() {
        return framework.getBundleContext();
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
    public void close() throws Exception {
        framework.stop();
        framework.waitForStop(10_000);
    }
}
