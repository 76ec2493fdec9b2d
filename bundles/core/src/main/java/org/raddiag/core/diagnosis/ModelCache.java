package org.raddiag.core.diagnosis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.raddiag.api.model.LoadedModel;
import org.raddiag.api.model.ModelPackage;
import org.raddiag.api.model.ModelRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loaded models by (package, backend). A model built from a component plugin that goes away (or is replaced) is
 * evicted: new diagnoses rebuild it from what is installed now, while diagnoses already running keep the old model,
 * which is closed in the background once they are done (a {@link LoadedModel} waits for its in-flight calls).
 */
final class ModelCache implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModelCache.class);

    private final Map<String, LoadedModel> models = new ConcurrentHashMap<>();
    /** Counts evictions, so that a load that overlapped one is not cached. */
    private final AtomicLong evictions = new AtomicLong();
    private final ExecutorService closer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "raddiag-model-closer");
        t.setDaemon(true);
        return t;
    });

    /** The loaded model for {@code pkg} on {@code runner}'s backend, loading it if needed. */
    LoadedModel get(ModelPackage pkg, ModelRunner runner) throws IOException {
        String key = pkg.ref() + "@" + runner.backend();
        LoadedModel m = models.get(key);
        if (m != null) {
            return m;
        }
        synchronized (this) {
            m = models.get(key);
            while (m == null) {
                long seen = evictions.get();
                long t0 = System.nanoTime();
                LoadedModel loaded = runner.load(pkg);
                if (evictions.get() != seen) {
                    // a component or runner went away while this model was being built, possibly one it was built
                    // from: caching it would keep serving the old plugin, so build again from what is installed now
                    LOG.info("model {} on {} changed while loading: loading again", pkg.ref(), runner.backend());
                    closer.execute(loaded::close);
                    continue;
                }
                models.put(key, loaded);
                m = loaded;
                LOG.info("loaded model {} on {} in {} ms (components {})", pkg.ref(), runner.backend(),
                        (System.nanoTime() - t0) / 1_000_000, m.components());
            }
            return m;
        }
    }

    /** Evicts every model built from the component {@code name} (a backbone, head, ...). */
    void evictComponent(String name) {
        evict(m -> m.components().contains(name), "component " + name + " changed");
    }

    /** Evicts every model running on {@code backend}. */
    void evictBackend(String backend) {
        evict(m -> m.backend().equals(backend), "runner for " + backend + " changed");
    }

    private void evict(java.util.function.Predicate<LoadedModel> which, String why) {
        evictions.incrementAndGet();
        List<LoadedModel> gone = new ArrayList<>();
        models.entrySet().removeIf(e -> {
            if (which.test(e.getValue())) {
                gone.add(e.getValue());
                return true;
            }
            return false;
        });
        for (LoadedModel m : gone) {
            LOG.info("model {} on {} will be rebuilt: {}", m.model().ref(), m.backend(), why);
            closer.execute(m::close);
        }
    }

    /** Number of models loaded now. */
    int size() {
        return models.size();
    }

    @Override
    public void close() {
        evict(m -> true, "service stopping");
        closer.shutdown();
    }
}
