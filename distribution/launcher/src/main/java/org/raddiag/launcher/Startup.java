package org.raddiag.launcher;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.startlevel.FrameworkStartLevel;

/**
 * The framework on its way up: first to {@link #PLUGINS} (libraries, plugins, commands), then on to the final level
 * ({@link #ENGINES}: the native engine bundles), without blocking the caller. One-shot commands that need no engine
 * run once {@link #awaitPlugins} returns; the others wait for {@link #awaitAll}.
 */
final class Startup {
    static final int PLUGINS = 2;
    static final int ENGINES = 3;
    private static final long TIMEOUT_S = 120;

    private final Framework framework;
    private final CountDownLatch plugins = new CountDownLatch(1);
    private final CountDownLatch all = new CountDownLatch(1);

    private Startup(Framework framework) {
        this.framework = framework;
    }

    static Startup begin(Framework framework, int finalLevel) {
        Startup s = new Startup(framework);
        FrameworkStartLevel fsl = framework.adapt(FrameworkStartLevel.class);
        fsl.setStartLevel(Math.min(PLUGINS, finalLevel), e -> {
            s.plugins.countDown();
            fsl.setStartLevel(finalLevel, e2 -> {
                // how long the JVM took to get every bundle started; `status` reports it
                System.setProperty("raddiag.startup.ms",
                        Long.toString(java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime()));
                s.all.countDown();
            });
        });
        return s;
    }

    Framework framework() {
        return framework;
    }

    /** Waits until every bundle but the engines is started (at most 2 minutes). */
    void awaitPlugins() throws InterruptedException {
        plugins.await(TIMEOUT_S, TimeUnit.SECONDS);
    }

    /** Waits until every bundle is started, engines included (at most 2 minutes). */
    void awaitAll() throws InterruptedException {
        all.await(TIMEOUT_S, TimeUnit.SECONDS);
    }

    boolean allStarted() {
        return all.getCount() == 0;
    }
}
