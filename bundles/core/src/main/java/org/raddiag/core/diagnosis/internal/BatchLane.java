package org.raddiag.core.diagnosis.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.raddiag.api.model.ModelInput;
import org.raddiag.api.model.ModelOutput;

/**
 * The state of one lane of a {@link MicroBatcher} (one model on one backend): requests expected and passes running,
 * guarded by its lock, and the batch open for more requests.
 */
final class BatchLane {
    final Object key;
    final AtomicInteger queued = new AtomicInteger();
    final ReentrantLock lock = new ReentrantLock();
    final Condition changed = lock.newCondition();
    int upcoming;
    int running;
    Batch open;

    BatchLane(Object key) {
        this.key = key;
    }

    void started() {
        lock.lock();
        try {
            running++;
        } finally {
            lock.unlock();
        }
    }

    void finished() {
        lock.lock();
        try {
            running--;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void closeLocked(Batch b) {
        b.closed = true;
        if (open == b) {
            open = null;
        }
        changed.signalAll();
    }

    /** The requests gathered for one forward pass. */
    static final class Batch {
        final long deadline;
        final List<Entry> entries = new ArrayList<>();
        int cases;
        boolean closed;

        Batch(long deadline) {
            this.deadline = deadline;
        }
    }

    /** One request of a batch and the output it gets. */
    static final class Entry {
        final ModelInput input;
        final CompletableFuture<ModelOutput> result = new CompletableFuture<>();

        Entry(ModelInput input) {
            this.input = input;
        }
    }
}
