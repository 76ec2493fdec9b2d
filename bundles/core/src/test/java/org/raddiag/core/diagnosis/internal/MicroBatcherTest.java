package org.raddiag.core.diagnosis.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.raddiag.core.diagnosis.internal.CaseSumNetwork.assertSameOutput;
import static org.raddiag.core.diagnosis.internal.CaseSumNetwork.input;
import static org.raddiag.core.diagnosis.internal.CaseSumNetwork.inputs;
import static org.raddiag.core.diagnosis.internal.CaseSumNetwork.reference;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.raddiag.api.model.ModelClosedException;
import org.raddiag.api.model.ModelInput;
import org.raddiag.api.model.ModelOutput;

/** The batcher with a fake network ({@link CaseSumNetwork}): a batched result must equal the unbatched one exactly. */
class MicroBatcherTest {
    private static final String LANE = "m:1.0.0@pytorch";
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final List<Integer> passSizes = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** The fake network: refuses modality code 9 (a "poison" input that validation lets through). */
    private ModelOutput forward(ModelInput in) {
        passSizes.add(in.cases());
        return reference(in);
    }

    private Future<ModelOutput> submitLater(MicroBatcher b, MicroBatcher.Ticket t, ModelInput in) {
        return pool.submit(() -> b.submit(t, in, this::forward));
    }

    /** Request i got the unbatched answer to input(i). */
    private static void assertOwnAnswers(List<Future<ModelOutput>> results) throws Exception {
        for (int i = 0; i < results.size(); i++) {
            assertSameOutput(reference(input(i)), results.get(i).get(20, TimeUnit.SECONDS));
        }
    }

    /** Requests for {@code inputs} that all take their ticket ("being preprocessed") before any submits. */
    private List<Future<ModelOutput>> submitTogether(MicroBatcher b, List<ModelInput> inputs) {
        return submitTogether(b, inputs, this::forward);
    }

    private List<Future<ModelOutput>> submitTogether(MicroBatcher b, List<ModelInput> inputs,
            MicroBatcher.Forward forward) {
        List<MicroBatcher.Ticket> tickets = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            tickets.add(b.expect(LANE));
        }
        List<Future<ModelOutput>> results = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            MicroBatcher.Ticket t = tickets.get(i);
            ModelInput in = inputs.get(i);
            results.add(pool.submit(() -> b.submit(t, in, forward)));
        }
        return results;
    }

    /** A request for input(0) whose pass has started and runs until {@code release} opens. */
    private Future<ModelOutput> runningPass(MicroBatcher b, java.util.concurrent.CountDownLatch release)
            throws InterruptedException {
        java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
        MicroBatcher.Ticket ta = b.expect(LANE);
        Future<ModelOutput> a = pool.submit(() -> b.submit(ta, input(0), x -> {
            inside.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return forward(x);
        }));
        assertTrue(inside.await(10, TimeUnit.SECONDS));
        return a;
    }


    @Test
    void concurrentRequestsShareOnePassAndGetTheirOwnResultsInOrder() throws Exception {
        MicroBatcher b = new MicroBatcher(BatchSettings.of(8, 5000));
        int n = 6;
        assertOwnAnswers(submitTogether(b, inputs(n)));
        assertEquals(1, b.passes());
        assertEquals(n, b.requests());
        assertEquals(n, passSizes.get(0));
    }

    @Test
    void aRequestAloneDoesNotWait() {
        MicroBatcher b = new MicroBatcher(BatchSettings.of(8, 2000));
        long t0 = System.nanoTime();
        try (MicroBatcher.Ticket t = b.expect(LANE)) {
            assertSameOutput(reference(input(1)), b.submit(t, input(1), this::forward));
        }
        assertTrue(System.nanoTime() - t0 < 1_000_000_000L, "a lone request waited for the window");
        assertEquals(List.of(1), passSizes);
    }

    @Test
    void aRequestWaitsNoLongerThanTheWindowForOthersBeingPrepared() {
        MicroBatcher b = new MicroBatcher(BatchSettings.of(8, 100));
        MicroBatcher.Ticket slow = b.expect(LANE); // another request is preprocessing and never comes in time
        long t0 = System.nanoTime();
        try (MicroBatcher.Ticket t = b.expect(LANE)) {
            b.submit(t, input(2), this::forward);
        }
        long waited = System.nanoTime() - t0;
        slow.close();
        assertTrue(waited >= 90_000_000L, "left before the window: " + waited / 1e6 + " ms");
        assertTrue(waited < 2_000_000_000L, "waited far beyond the window: " + waited / 1e6 + " ms");
        assertEquals(1, b.passes());
    }

    @Test
    void anAbandonedRequestReleasesTheWaitingBatch() throws Exception {
        MicroBatcher b = new MicroBatcher(BatchSettings.of(8, 20_000));
        MicroBatcher.Ticket failing = b.expect(LANE);
        MicroBatcher.Ticket t = b.expect(LANE);
        long t0 = System.nanoTime();
        Future<ModelOutput> f = submitLater(b, t, input(3));
        Thread.sleep(50);
        failing.close(); // e.g. its preprocessing threw
        assertSameOutput(reference(input(3)), f.get(10, TimeUnit.SECONDS));
        assertTrue(System.nanoTime() - t0 < 10_000_000_000L);
    }

    @Test
    void requestsArrivingDuringARunningPassGatherForTheNextOne() throws Exception {
        MicroBatcher b = new MicroBatcher(BatchSettings.of(8, 5000));
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Future<ModelOutput> a = runningPass(b, release); // a ran alone at once: nobody else was around
        MicroBatcher.Ticket tb = b.expect(LANE);
        Future<ModelOutput> fb = submitLater(b, tb, input(1));
        Thread.sleep(50);
        MicroBatcher.Ticket tc = b.expect(LANE);
        Future<ModelOutput> fc = submitLater(b, tc, input(2));
        Thread.sleep(50);
        release.countDown();
        assertSameOutput(reference(input(0)), a.get(10, TimeUnit.SECONDS));
        assertSameOutput(reference(input(1)), fb.get(10, TimeUnit.SECONDS));
        assertSameOutput(reference(input(2)), fc.get(10, TimeUnit.SECONDS));
        assertEquals(List.of(1, 2), passSizes);
    }

    @Test
    void theListenerHearsEachPassAndItsLaneAndTheQueueDepthCountsWaitingRequests() throws Exception {
        List<String> heard = Collections.synchronizedList(new ArrayList<>());
        MicroBatcher b = new MicroBatcher(BatchSettings.of(8, 5000), (lane, n) -> heard.add(lane + " x" + n));
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Future<ModelOutput> a = runningPass(b, release);
        Future<ModelOutput> fb = submitLater(b, b.expect(LANE), input(1));
        Future<ModelOutput> fc = submitLater(b, b.expect(LANE), input(2));
        long until = System.nanoTime() + 10_000_000_000L;
        while (b.queued().get(LANE) < 3 && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertEquals(3, b.queued().get(LANE), "one running, two waiting for the next pass");
        release.countDown();
        a.get(10, TimeUnit.SECONDS);
        fb.get(10, TimeUnit.SECONDS);
        fc.get(10, TimeUnit.SECONDS);
        assertEquals(0, b.queued().get(LANE));
        assertEquals(List.of(LANE + " x1", LANE + " x2"), heard);
    }

    @Test
    void batchesHoldAtMostMaxCases() throws Exception {
        MicroBatcher b = new MicroBatcher(BatchSettings.of(3, 5000));
        int n = 7;
        assertOwnAnswers(submitTogether(b, inputs(n)));
        List<Integer> sizes = new ArrayList<>(passSizes.subList(0, (int) b.passes()));
        assertTrue(sizes.stream().allMatch(s -> s <= 3), "passes " + sizes);
        assertEquals(n, sizes.stream().mapToInt(Integer::intValue).sum());
        assertEquals(3, b.passes()); // 3 + 3 + 1
    }

    @Test
    void aBadInputIsRefusedAloneAndTheOthersAreAnswered() throws Exception {
        MicroBatcher b = new MicroBatcher(BatchSettings.of(8, 5000));
        List<ModelInput> in = inputs(4);
        in.get(2).images().data()[0] = Float.NaN;
        List<Future<ModelOutput>> results = submitTogether(b, in);
        Exception e = assertThrows(Exception.class, () -> results.get(2).get(10, TimeUnit.SECONDS));
        assertInstanceOf(IllegalArgumentException.class, e.getCause());
        for (int i : new int[] {0, 1, 3}) {
            assertSameOutput(reference(input(i)), results.get(i).get(10, TimeUnit.SECONDS));
        }
        assertEquals(1, b.passes()); // the NaN input never reached the network
    }

    @Test
    void aPassThatFailsIsRetriedOneByOneSoOnlyTheCulpritFails() throws Exception {
        MicroBatcher b = new MicroBatcher(BatchSettings.of(8, 5000));
        List<ModelInput> in = inputs(3);
        in.get(1).modalityCodes()[0] = 9; // the poison input
        List<Future<ModelOutput>> results = submitTogether(b, in);
        Exception e = assertThrows(Exception.class, () -> results.get(1).get(10, TimeUnit.SECONDS));
        assertInstanceOf(IllegalArgumentException.class, e.getCause());
        assertSameOutput(reference(input(0)), results.get(0).get(10, TimeUnit.SECONDS));
        assertSameOutput(reference(input(2)), results.get(2).get(10, TimeUnit.SECONDS));
    }

    @Test
    void aClosedModelReachesEveryRequestOfThePass() throws Exception {
        MicroBatcher b = new MicroBatcher(BatchSettings.of(8, 5000));
        List<MicroBatcher.Ticket> tickets = List.of(b.expect(LANE), b.expect(LANE));
        List<Future<ModelOutput>> results = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ModelInput in = input(i);
            MicroBatcher.Ticket t = tickets.get(i);
            results.add(pool.submit(() -> b.submit(t, in, x -> {
                passSizes.add(x.cases());
                throw new ModelClosedException("closed");
            })));
            Thread.sleep(20);
        }
        for (Future<ModelOutput> f : results) {
            Exception e = assertThrows(Exception.class, () -> f.get(10, TimeUnit.SECONDS));
            assertInstanceOf(ModelClosedException.class, e.getCause());
        }
        assertEquals(List.of(2), passSizes); // one shared pass, not retried one by one
    }

    @Test
    void lanesAreSeparateAndOffRunsEachInputAsItIs() throws Exception {
        MicroBatcher b = new MicroBatcher(BatchSettings.of(8, 5000));
        MicroBatcher.Ticket other = b.expect("other@pytorch");
        long t0 = System.nanoTime();
        try (MicroBatcher.Ticket t = b.expect(LANE)) {
            b.submit(t, input(1), this::forward); // a request of another model does not hold this one back
        }
        assertTrue(System.nanoTime() - t0 < 2_000_000_000L);
        other.close();
        b.configure(BatchSettings.OFF);
        List<ModelInput> seen = Collections.synchronizedList(new ArrayList<>());
        List<Future<ModelOutput>> results = submitTogether(b, inputs(2), x -> {
            seen.add(x);
            return forward(x);
        });
        for (Future<ModelOutput> f : results) {
            f.get(10, TimeUnit.SECONDS);
        }
        assertEquals(2, seen.size());
        assertTrue(seen.stream().allMatch(x -> x.cases() == 1));
    }
}
