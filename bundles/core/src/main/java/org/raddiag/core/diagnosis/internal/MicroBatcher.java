package org.raddiag.core.diagnosis.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.raddiag.api.model.ModelClosedException;
import org.raddiag.api.model.ModelBatch;
import org.raddiag.api.model.ModelInput;
import org.raddiag.api.model.ModelOutput;
import org.raddiag.core.diagnosis.internal.BatchLane.Batch;
import org.raddiag.core.diagnosis.internal.BatchLane.Entry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts concurrent requests for the same lane (one model on one backend) into one forward pass.
 *
 * <p>A request first takes a {@link Ticket} for its lane ({@link #expect}) while it is still being read and
 * preprocessed, then {@linkplain #submit submits} its input. The first request to submit opens a batch and leads it:
 * it waits until the batch holds {@code maxCases} cases, or the lane is idle (no other request holds an unused
 * ticket and no pass of the lane is running), or {@code maxWaitNanos} have passed since it submitted, whichever comes
 * first; then it runs the stacked input ({@link ModelBatch}) on its own thread and hands every request its part of
 * the output. A request alone thus never waits, and none waits longer than the window; under load, requests that
 * arrive while a pass is running gather for the next one. Batches of one lane may run concurrently.
 *
 * <p>Inputs are validated before they join a batch. If a shared pass fails anyway (other than because the model was
 * closed, which every request then sees and retries on its own), each input of the batch is run on its own, so one
 * bad input fails only its own request.
 */
public final class MicroBatcher {
    private static final Logger LOG = LoggerFactory.getLogger(MicroBatcher.class);

    /** One forward pass of a (possibly stacked) input. */
    @FunctionalInterface
    public interface Forward {
        ModelOutput run(ModelInput input);
    }

    /** Told about each forward pass: its lane and how many requests it answered (the batch size). */
    @FunctionalInterface
    public interface PassListener {
        void ran(Object lane, int requests);
    }

    private final Map<Object, BatchLane> lanes = new ConcurrentHashMap<>();
    private final AtomicLong passes = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final PassListener listener;
    private volatile BatchSettings settings;

    public MicroBatcher(BatchSettings settings) {
        this(settings, (lane, n) -> { });
    }

    public MicroBatcher(BatchSettings settings, PassListener listener) {
        this.settings = settings;
        this.listener = listener;
    }

    public void configure(BatchSettings s) {
        settings = s;
    }

    public BatchSettings settings() {
        return settings;
    }

    /** Forward passes run so far (batched or not). */
    public long passes() {
        return passes.get();
    }

    /** Requests answered by those passes. */
    public long requests() {
        return requests.get();
    }

    /** Requests submitted per lane whose pass has not finished yet (waiting in a batch or running): the queue depth. */
    public Map<Object, Integer> queued() {
        Map<Object, Integer> out = new HashMap<>();
        lanes.forEach((k, l) -> out.put(k, l.queued.get()));
        return out;
    }

    /** Announces a request for {@code lane} that will {@link #submit} soon; close the ticket when done. */
    public Ticket expect(Object lane) {
        BatchLane l = lanes.computeIfAbsent(lane, BatchLane::new);
        l.lock.lock();
        try {
            l.upcoming++;
        } finally {
            l.lock.unlock();
        }
        return new Ticket(l);
    }

    /**
     * The output for {@code input}, from a pass shared with other requests of the ticket's lane when batching is on.
     * Exceptions of the pass are rethrown as they are (unchecked).
     *
     * @param forward runs a pass for this lane; the batch's leader runs its own
     */
    public ModelOutput submit(Ticket ticket, ModelInput input, Forward forward) {
        BatchSettings s = settings;
        if (!s.enabled() || input.cases() >= s.maxCases()) {
            ticket.close();
            return count(ticket.lane, 1, forward.run(input));
        }
        try {
            ModelBatch.validate(input);
        } catch (IllegalArgumentException e) {
            ticket.close();
            throw e;
        }
        BatchLane lane = ticket.lane;
        lane.queued.incrementAndGet();
        try {
            return batched(ticket, lane, input, s, forward);
        } finally {
            lane.queued.decrementAndGet();
        }
    }

    private ModelOutput batched(Ticket ticket, BatchLane lane, ModelInput input, BatchSettings s, Forward forward) {
        Entry entry = new Entry(input);
        Batch batch;
        boolean leader = false;
        lane.lock.lock();
        try {
            ticket.releaseLocked();
            batch = lane.open;
            if (batch != null && (!ModelBatch.compatible(batch.entries.get(0).input, input)
                    || batch.cases + input.cases() > s.maxCases())) {
                lane.closeLocked(batch);
                batch = null;
            }
            if (batch == null) {
                batch = new Batch(System.nanoTime() + s.maxWaitNanos());
                lane.open = batch;
                leader = true;
            }
            batch.entries.add(entry);
            batch.cases += input.cases();
            if (batch.cases >= s.maxCases()) {
                lane.closeLocked(batch);
            }
            lane.changed.signalAll();
            if (leader) {
                boolean interrupted = false;
                while (!batch.closed && (lane.upcoming > 0 || lane.running > 0)) {
                    long left = batch.deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    try {
                        lane.changed.awaitNanos(left);
                    } catch (InterruptedException e) {
                        interrupted = true;
                        break;
                    }
                }
                lane.closeLocked(batch);
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        } finally {
            lane.lock.unlock();
        }
        if (leader) {
            lane.started();
            try {
                run(lane, batch.entries, forward);
            } finally {
                lane.finished();
            }
        }
        try {
            return entry.result.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    private void run(BatchLane lane, List<Entry> entries, Forward forward) {
        try {
            if (entries.size() == 1) {
                Entry e = entries.get(0);
                e.result.complete(count(lane, 1, forward.run(e.input)));
                return;
            }
            List<ModelInput> inputs = new ArrayList<>(entries.size());
            for (Entry e : entries) {
                inputs.add(e.input);
            }
            List<ModelOutput> outs;
            long t0 = System.nanoTime();
            try {
                outs = ModelBatch.split(forward.run(ModelBatch.stack(inputs)), inputs);
            } catch (ModelClosedException e) {
                throw e;
            } catch (RuntimeException e) {
                LOG.warn("a batched pass of {} requests failed ({}); running them one by one", entries.size(),
                        e.toString());
                for (Entry x : entries) {
                    try {
                        x.result.complete(count(lane, 1, forward.run(x.input)));
                    } catch (RuntimeException | Error one) {
                        x.result.completeExceptionally(one);
                    }
                }
                return;
            }
            count(lane, entries.size(), null);
            if (LOG.isDebugEnabled()) {
                LOG.debug("batched pass of {} requests in {} ms", entries.size(), (System.nanoTime() - t0) / 1_000_000);
            }
            for (int i = 0; i < entries.size(); i++) {
                entries.get(i).result.complete(outs.get(i));
            }
        } catch (RuntimeException | Error e) {
            for (Entry x : entries) {
                x.result.completeExceptionally(e);
            }
        }
    }

    private ModelOutput count(BatchLane lane, int n, ModelOutput out) {
        passes.incrementAndGet();
        requests.addAndGet(n);
        try {
            listener.ran(lane.key, n);
        } catch (RuntimeException e) {
            LOG.debug("pass listener failed: {}", e.toString());
        }
        return out;
    }

    /** A request's place in its lane between {@link #expect} and {@link #submit}; closing it is idempotent. */
    public static final class Ticket implements AutoCloseable {
        private final BatchLane lane;
        private boolean released;

        private Ticket(BatchLane lane) {
            this.lane = lane;
        }

        private void releaseLocked() {
            if (!released) {
                released = true;
                lane.upcoming--;
                lane.changed.signalAll();
            }
        }

        @Override
        public void close() {
            lane.lock.lock();
            try {
                releaseLocked();
            } finally {
                lane.lock.unlock();
            }
        }
    }
}
