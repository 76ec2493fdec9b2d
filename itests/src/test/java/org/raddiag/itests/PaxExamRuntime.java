package org.raddiag.itests;

import javax.inject.Inject;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.BundleContext;

/**
 * Base of the Pax Exam tests that run inside the distribution's own bundle set: the configuration is
 * {@link RuntimeOptions#runtime()} (a test that needs more options overrides {@link #config()}) and the framework's
 * bundle context is injected. Public, because Pax Exam calls the inherited configuration method reflectively.
 */
public abstract class PaxExamRuntime {
    @Inject
    protected BundleContext context;

    @Configuration
    public Option[] config() throws Exception {
        return RuntimeOptions.runtime();
    }
}
