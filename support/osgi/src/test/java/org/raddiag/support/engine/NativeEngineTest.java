package org.raddiag.support.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.raddiag.api.ServiceProperties;
import org.raddiag.api.compute.ComputeBackend;
import org.raddiag.api.compute.EngineStatus;
import org.raddiag.api.compute.EngineStatus.State;
import org.raddiag.support.osgi.RealFramework;

/** The engine skeleton in a real framework, with a plain-Java engine. */
@ExtendWith(RealFramework.class)
class NativeEngineTest {
    /** An engine whose start waits for {@link #release} and then returns {@link #backend} or throws {@link #error}. */
    static final class TestEngine extends NativeEngine<JavaMlp> {
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch returned = new CountDownLatch(1);
        volatile JavaMlp backend = new JavaMlp("java", 0);
        volatile Throwable error;

        TestEngine(Duration stopWait) {
            super("java", stopWait);
        }

        @Override
        protected JavaMlp startEngine() throws Exception {
            try {
                release.await(30, TimeUnit.SECONDS);
                if (error instanceof Exception e) {
                    throw e;
                }
                if (error instanceof Error e) {
                    throw e;
                }
                SelfTest.run(backend);
                return backend;
            } finally {
                returned.countDown();
            }
        }

        void activate(BundleContext ctx) {
            start(ctx);
        }

        void deactivate() {
            stop();
        }
    }

    private static State await(EngineStatus s, State expected) throws InterruptedException {
        long end = System.nanoTime() + 30_000_000_000L;
        while (s.state() != expected && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        return s.state();
    }

    @Test
    void statusAtOnceThenTheSelfTestedBackendThenNothingAfterStop(BundleContext ctx) throws Exception {
        TestEngine engine = new TestEngine(Duration.ZERO);
        engine.activate(ctx);
        ServiceReference<EngineStatus> status = ctx.getServiceReference(EngineStatus.class);
        assertEquals("java", status.getProperty(ServiceProperties.BACKEND));
        assertEquals(State.STARTING, ctx.getService(status).state());
        assertNull(ctx.getServiceReference(ComputeBackend.class), "no backend before the self-test");

        engine.release.countDown();
        assertEquals(State.READY, await(engine.status(), State.READY));
        assertEquals("Java 17 on cpu, 1 thread(s), init 0 ms", engine.status().detail());
        ServiceReference<ComputeBackend> backend = ctx.getServiceReference(ComputeBackend.class);
        assertEquals(ServiceProperties.KIND_BACKEND, backend.getProperty(ServiceProperties.KIND));
        assertEquals("java", backend.getProperty(ServiceProperties.BACKEND));
        assertSame(engine.backend, ctx.getService(backend));

        engine.deactivate();
        assertNull(ctx.getServiceReference(ComputeBackend.class));
        assertNull(ctx.getServiceReference(EngineStatus.class));
        assertTrue(engine.backend.closed, "the backend is closed on stop");
    }

    @Test
    void aFailedStartOrSelfTestIsReportedAndRegistersNoBackend(BundleContext ctx) throws Exception {
        TestEngine broken = new TestEngine(Duration.ZERO);
        broken.error = new UnsatisfiedLinkError("libtorch.so: cannot open shared object file");
        broken.activate(ctx);
        broken.release.countDown();
        assertEquals(State.FAILED, await(broken.status(), State.FAILED));
        assertEquals("UnsatisfiedLinkError: libtorch.so: cannot open shared object file", broken.status().detail());
        assertNull(ctx.getServiceReference(ComputeBackend.class));
        assertSame(broken.status(), ctx.getService(ctx.getServiceReference(EngineStatus.class)));
        broken.deactivate();

        TestEngine wrong = new TestEngine(Duration.ZERO);
        wrong.backend = new JavaMlp("java", 0.01);
        wrong.activate(ctx);
        wrong.release.countDown();
        assertEquals(State.FAILED, await(wrong.status(), State.FAILED));
        assertTrue(wrong.status().detail().startsWith("IllegalStateException: self-test failed: row 0"),
                wrong.status().detail());
        assertNull(ctx.getServiceReference(ComputeBackend.class));
        wrong.deactivate();
    }

    @Test
    void aStartThatEndsAfterTheStopClosesItsBackendAndRegistersNothing(BundleContext ctx) throws Exception {
        TestEngine engine = new TestEngine(Duration.ZERO);
        engine.activate(ctx);
        engine.deactivate(); // does not wait (stop wait zero)
        assertNull(ctx.getServiceReference(EngineStatus.class));
        engine.release.countDown();
        assertTrue(engine.returned.await(30, TimeUnit.SECONDS));
        long end = System.nanoTime() + 10_000_000_000L;
        while (!engine.backend.closed && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertTrue(engine.backend.closed);
        assertNull(ctx.getServiceReference(ComputeBackend.class));
        assertEquals(State.STARTING, engine.status().state(), "nothing reported after the stop");
    }

    @Test
    void aStopWaitLetsTheStartFinishFirst(BundleContext ctx) throws Exception {
        TestEngine engine = new TestEngine(Duration.ofSeconds(30));
        engine.activate(ctx);
        Thread releaser = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            engine.release.countDown();
        });
        releaser.start();
        long t0 = System.nanoTime();
        engine.deactivate();
        assertTrue(System.nanoTime() - t0 >= 150_000_000L, "stop waited for the start");
        assertEquals(0, engine.returned.getCount());
        assertTrue(engine.backend.closed);
        assertNull(ctx.getServiceReference(ComputeBackend.class));
        releaser.join();
    }
}
