package org.raddiag.support.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileSystemException;
import org.junit.jupiter.api.Test;
import org.raddiag.api.compute.EngineStatus.State;

class EngineStateTest {

    @Test
    void startsThenFailsWithTheWholeCauseChain() {
        EngineState s = new EngineState("onnxruntime");
        assertEquals(State.STARTING, s.state());
        assertEquals("", s.detail());
        Throwable e = new ExceptionInInitializerError(new RuntimeException("Failed to load onnx-runtime library",
                new FileSystemException("/tmp/x/onnxruntime-java1: Not a directory")));
        s.failed(e);
        assertEquals(State.FAILED, s.state());
        assertEquals("ExceptionInInitializerError: Failed to load onnx-runtime library: "
                + "/tmp/x/onnxruntime-java1: Not a directory", s.detail());
    }

    @Test
    void readyKeepsDetailAndInitTime() {
        EngineState s = new EngineState("onnxruntime");
        s.ready("ONNX Runtime 1.29.0 on cpu", 123);
        assertEquals(State.READY, s.state());
        assertEquals(123, s.initMillis());
        assertTrue(s.toString().contains("READY"), s.toString());
    }

    @Test
    void readyWithoutATimeTakesTheTimeSinceTheStart() throws InterruptedException {
        EngineState s = new EngineState("pytorch");
        Thread.sleep(30);
        s.ready("PyTorch 2.7.1 on cpu");
        long t = s.initMillis();
        assertTrue(t >= 30, "init " + t);
        Thread.sleep(20);
        assertEquals(t, s.initMillis(), "fixed once ready");
    }
}
