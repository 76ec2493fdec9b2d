package org.raddiag.itests;

import java.nio.file.Path;
import java.nio.file.Paths;
import javax.inject.Inject;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.BundleContext;

/**
 * Base of the Pax Exam tests that run inside the distribution's own bundle set: the configuration is
 * {@link RuntimeOptions#runtime()}, with the test's own kept {@link #home()} where it asks for one (a test that needs
 * more options overrides {@link #config()}), and the framework's bundle context is injected. Public, because Pax Exam calls the inherited configuration method reflectively.
 */
public abstract class PaxExamRuntime {
    @Inject
    protected BundleContext context;

    /**
     * This test's RadDiag home: with {@link KeptHome} on the class, {@code target/itest-home-<test class>}, kept
     * between its methods and builds (e.g. for a generated dataset); otherwise null, a fresh one per run.
     */
    protected Path home() {
        return getClass().isAnnotationPresent(KeptHome.class) ? keptHome(getClass()) : null;
    }

    @Configuration
    public Option[] config() throws Exception {
        Path home = home();
        return home == null ? RuntimeOptions.runtime() : RuntimeOptions.runtime(home);
    }

    private static Path keptHome(Class<?> test) {
        return Paths.get("target", "itest-home-" + test.getSimpleName()).toAbsolutePath();
    }
}
