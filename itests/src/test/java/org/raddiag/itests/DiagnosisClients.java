package org.raddiag.itests;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Four clients posting the demo scan with the default model and backend until stopped; a response fails unless
 * it is a 200 whose probabilities are those of the model and backend it names.
 */
final class DiagnosisClients implements AutoCloseable {
    final AtomicBoolean running = new AtomicBoolean(true);
    final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    final AtomicInteger ok = new AtomicInteger();
    final AtomicLong longestMillis = new AtomicLong();
    final List<Thread> threads = new ArrayList<>();

    DiagnosisClients(Http http, Path scan, Map<String, Double> expected) {
        for (int c = 0; c < 4; c++) {
            Thread t = new Thread(() -> {
                while (running.get()) {
                    long t0 = System.nanoTime();
                    try {
                        Http.Reply r = http.diagnose(Map.of("a.npy", scan), Map.of("top", "0"));
                        longestMillis.accumulateAndGet((System.nanoTime() - t0) / 1_000_000, Math::max);
                        if (r.status != 200) {
                            failures.add(r.toString());
                            continue;
                        }
                        String key = r.json.get("model").getAsString() + "/" + r.json.get("backend").getAsString();
                        Double want = expected.get(key);
                        double got = firstProbability(r.json);
                        if (want == null || Math.abs(want - got) > 1e-4) {
                            failures.add("response names " + key + " but its probability " + got + " is not that model's " + want);
                        } else {
                            ok.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                }
            });
            t.start();
            threads.add(t);
        }
    }

    void stop() throws InterruptedException {
        running.set(false);
        for (Thread t : threads) {
            t.join(120_000);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    /** The probability of class 0 in a diagnosis response. */
    static double firstProbability(JsonObject d) {
        for (JsonElement f : d.getAsJsonArray("findings")) {
            if (f.getAsJsonObject().get("index").getAsInt() == 0) {
                return f.getAsJsonObject().get("probability").getAsDouble();
            }
        }
        throw new AssertionError("no finding 0 in " + d);
    }
}
