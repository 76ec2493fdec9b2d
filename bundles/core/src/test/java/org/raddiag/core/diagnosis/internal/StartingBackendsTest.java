package org.raddiag.core.diagnosis.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.raddiag.support.engine.EngineState;

class StartingBackendsTest {
    private final Map<String, String> runners = new ConcurrentHashMap<>();
    private final StartingBackends backends = new StartingBackends();

    @Test
    void waitsForTheRunnerOfAStartingEngine() throws Exception {
        EngineState ort = new EngineState("onnxruntime");
        backends.addEngine(ort);
        Thread starter = new Thread(() -> {
            sleep(300);
            ort.ready("");
            runners.put("onnxruntime", "runner");
            backends.signal();
        });
        starter.start();
        long t0 = System.nanoTime();
        assertEquals("runner", backends.await("onnxruntime", runners::get, 10_000));
        assertTrue((System.nanoTime() - t0) / 1e6 < 5_000);
        starter.join();
    }

    @Test
    void anEngineBundleYetToBeStartedIsWaitedFor() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean pending = new java.util.concurrent.atomic.AtomicBoolean(true);
        StartingBackends restart = new StartingBackends(b -> b.equals("pytorch") && pending.get());
        Thread startLevel = new Thread(() -> {
            sleep(300);
            EngineState torch = new EngineState("pytorch");
            restart.addEngine(torch);
            pending.set(false);
            sleep(200);
            torch.ready("");
            runners.put("pytorch", "runner");
            restart.signal();
        });
        startLevel.start();
        assertEquals("runner", restart.await("pytorch", runners::get, 10_000),
                "a study queued before a restart waits for the engine started at a later start level");
        assertNull(restart.await("onnxruntime", runners::get, 10_000), "no engine pending for another backend");
        startLevel.join();
    }

    @Test
    void aFailedEngineOrAnUnknownBackendIsNotWaitedFor() throws Exception {
        EngineState ort = new EngineState("onnxruntime");
        ort.failed(new IllegalStateException("no natives"));
        backends.addEngine(ort);
        long t0 = System.nanoTime();
        assertNull(backends.await("onnxruntime", runners::get, 10_000));
        assertNull(backends.await("tensorrt", runners::get, 10_000));
        assertTrue((System.nanoTime() - t0) / 1e6 < 1_000);
    }

    @Test
    void givesUpAfterTheLimit() throws Exception {
        backends.addEngine(new EngineState("onnxruntime"));
        long t0 = System.nanoTime();
        assertNull(backends.await("onnxruntime", runners::get, 250));
        double ms = (System.nanoTime() - t0) / 1e6;
        assertTrue(ms >= 240 && ms < 3_000, ms + " ms");
    }

    @Test
    void aReadyEngineWithoutARunnerGetsOnlyAShortGrace() throws Exception {
        EngineState torch = new EngineState("pytorch");
        torch.ready("");
        backends.addEngine(torch);
        long t0 = System.nanoTime();
        assertNull(backends.await("pytorch", runners::get, 60_000));
        double ms = (System.nanoTime() - t0) / 1e6;
        assertTrue(ms >= StartingBackends.READY_GRACE_MILLIS - 10 && ms < 10_000, ms + " ms");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
