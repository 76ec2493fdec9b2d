package org.raddiag.core.diagnosis.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.raddiag.api.compute.EngineStatus;

class StartingBackendsTest {
    private final Map<String, String> runners = new ConcurrentHashMap<>();
    private final StartingBackends backends = new StartingBackends();

    @Test
    void waitsForTheRunnerOfAStartingEngine() throws Exception {
        Engine ort = new Engine("onnxruntime");
        backends.addEngine(ort);
        Thread starter = new Thread(() -> {
            sleep(300);
            ort.state = EngineStatus.State.READY;
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
    void aFailedEngineOrAnUnknownBackendIsNotWaitedFor() throws Exception {
        Engine ort = new Engine("onnxruntime");
        ort.state = EngineStatus.State.FAILED;
        backends.addEngine(ort);
        long t0 = System.nanoTime();
        assertNull(backends.await("onnxruntime", runners::get, 10_000));
        assertNull(backends.await("tensorrt", runners::get, 10_000));
        assertTrue((System.nanoTime() - t0) / 1e6 < 1_000);
    }

    @Test
    void givesUpAfterTheLimit() throws Exception {
        backends.addEngine(new Engine("onnxruntime"));
        long t0 = System.nanoTime();
        assertNull(backends.await("onnxruntime", runners::get, 250));
        double ms = (System.nanoTime() - t0) / 1e6;
        assertTrue(ms >= 240 && ms < 3_000, ms + " ms");
    }

    @Test
    void aReadyEngineWithoutARunnerGetsOnlyAShortGrace() throws Exception {
        Engine torch = new Engine("pytorch");
        torch.state = EngineStatus.State.READY;
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

    private static final class Engine implements EngineStatus {
        private final String backend;
        volatile State state = State.STARTING;

        Engine(String backend) {
            this.backend = backend;
        }

        @Override
        public String backend() {
            return backend;
        }

        @Override
        public State state() {
            return state;
        }

        @Override
        public String detail() {
            return "";
        }

        @Override
        public long initMillis() {
            return 0;
        }
    }
}
