package org.raddiag.support.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CloseGateTest {
    private final CloseGate gate = new CloseGate();

    @Test
    void closingWaitsForTheCallInFlightThenReleasesOnce() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        AtomicBoolean callDone = new AtomicBoolean();
        AtomicBoolean releasedUnderCall = new AtomicBoolean();
        AtomicInteger releases = new AtomicInteger();
        Thread caller = inThread(() -> gate.call(IllegalStateException::new, () -> {
            entered.countDown();
            finish.await();
            callDone.set(true);
            return null;
        }));
        caller.start();
        assertTrue(entered.await(10, TimeUnit.SECONDS));
        Thread closer = new Thread(() -> gate.close(() -> {
            releasedUnderCall.set(!callDone.get());
            releases.incrementAndGet();
        }));
        closer.start();
        closer.join(200);
        assertTrue(closer.isAlive(), "close returned while a call was running");
        finish.countDown();
        closer.join(10_000);
        caller.join(10_000);
        assertFalse(releasedUnderCall.get());
        gate.close(releases::incrementAndGet);
        assertEquals(1, releases.get(), "released more than once");
    }

    @Test
    void aCallAfterClosingGetsTheCallersException() {
        gate.close(() -> { });
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> gate.call(() -> new IllegalStateException("the thing is closed"), () -> "ran"));
        assertEquals("the thing is closed", e.getMessage());
    }

    @Test
    void aFailedReleaseStillCloses() {
        assertThrows(IllegalStateException.class, () -> gate.close(() -> {
            throw new IllegalStateException("release failed");
        }));
        assertThrows(UnsupportedOperationException.class,
                () -> gate.call(UnsupportedOperationException::new, () -> "ran"));
    }

    @Test
    void callsRunConcurrently() throws Exception {
        CountDownLatch both = new CountDownLatch(2);
        Thread other = inThread(() -> gate.call(IllegalStateException::new, () -> {
            both.countDown();
            return both.await(10, TimeUnit.SECONDS);
        }));
        other.start();
        boolean met = gate.call(IllegalStateException::new, () -> {
            both.countDown();
            return both.await(10, TimeUnit.SECONDS);
        });
        other.join(10_000);
        assertTrue(met, "two calls did not run at the same time");
    }

    private static Thread inThread(CloseGate.Call<?, InterruptedException> work) {
        return new Thread(() -> {
            try {
                work.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
