package org.raddiag.ingest.dicom.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Groups stored instances into studies and moves each study through RECEIVING, PENDING (complete: no new instance
 * for the quiet period), DIAGNOSING and DONE or FAILED, persisting every state change atomically. {@link #tick()}
 * (called periodically) finds complete studies and hands them to the worker one at a time. After a restart,
 * {@link #recover()} re-queues every study whose stored instances are not all covered by a final state. The state
 * files are {@link StudyStateFiles}'.
 */
final class StudyTracker {
    private static final Logger LOG = LoggerFactory.getLogger(StudyTracker.class);
    /** While the diagnosis services are missing, a study is tried again this often. */
    static final Backoff WAITING = Backoff.fixed(2000);

    private final InstanceStore store;
    private final StudyStateFiles files;
    private final StudyDiagnosis diagnosis;
    private final Executor worker;
    private final LongSupplier clock;
    private final Map<String, StudyRecord> studies = new HashMap<>();
    private final Map<String, Set<String>> seriesOf = new HashMap<>();
    private volatile long quietMillis;
    private volatile Reports reports = Reports.NONE;

    /** Told when a study is DONE with a report (to queue it) or FAILED (no report is sent then). */
    interface Reports {
        Reports NONE = new Reports() {
            @Override
            public void done(String studyUid, String reportSop) {
            }

            @Override
            public void failed(String studyUid, String reason) {
            }
        };

        void done(String studyUid, String reportSop);

        void failed(String studyUid, String reason);
    }

    StudyTracker(InstanceStore store, StudyDiagnosis diagnosis, long quietMillis, Executor worker, LongSupplier clock) {
        this.store = store;
        this.files = new StudyStateFiles(store);
        this.diagnosis = diagnosis;
        this.quietMillis = quietMillis;
        this.worker = worker;
        this.clock = clock;
    }

    /** Where DONE and FAILED studies are reported (set before {@link #recover()}). */
    void reports(Reports r) {
        this.reports = r == null ? Reports.NONE : r;
    }

    void quietPeriod(long millis) {
        this.quietMillis = millis;
    }

    /** Loads the stored studies; any whose instances are not all diagnosed (or failed) is queued again. */
    synchronized void recover() throws IOException {
        long now = clock.getAsLong();
        for (String uid : store.studyUids()) {
            Map<String, Integer> series = store.series(uid);
            int n = series.values().stream().mapToInt(Integer::intValue).sum();
            if (n == 0) {
                continue;
            }
            StudyRecord r = files.load(uid);
            r.instances = n;
            r.series = series.size();
            seriesOf.put(uid, new HashSet<>(series.keySet()));
            if (r.received <= 0) {
                r.received = now;
            }
            if (!(r.state.settled() && r.diagnosedInstances == n)) {
                LOG.info("study {}: {} instances in {} series not yet diagnosed ({}), queued again", Uids.hash(uid), n,
                        series.size(), r.state);
                r.state = StudyState.PENDING;
                r.reason = null;
                r.updated = now;
                files.persist(r);
            } else if (r.state == StudyState.DONE && r.reportSop != null) {
                reports.done(uid, r.reportSop);
            } else if (r.state == StudyState.FAILED) {
                reports.failed(uid, r.reason);
            }
            studies.put(uid, r);
        }
    }

    /**
     * An instance was stored durably (called before its C-STORE is acknowledged).
     *
     * @param isNew false for a resent instance that replaced its stored copy
     */
    synchronized void received(InstanceIds ids, boolean isNew) {
        long now = clock.getAsLong();
        StudyRecord r = studies.get(ids.study);
        boolean created = r == null;
        if (created) {
            r = new StudyRecord(ids.study);
            r.received = now;
            studies.put(ids.study, r);
            LOG.info("study {}: receiving", Uids.hash(ids.study));
        }
        Set<String> series = seriesOf.computeIfAbsent(ids.study, k -> new HashSet<>());
        series.add(ids.series);
        if (isNew) {
            r.instances++;
        }
        r.series = series.size();
        r.lastInstance = now;
        r.updated = now;
        StudyState before = r.state;
        if (r.state == StudyState.DIAGNOSING) {
            r.dirty = true;
        } else {
            r.state = StudyState.RECEIVING;
            r.reason = null;
        }
        if (created || before != r.state) {
            files.persist(r);
        }
    }

    /** Moves complete studies to PENDING and hands queued ones to the worker. */
    void tick() {
        List<String> start = new ArrayList<>();
        synchronized (this) {
            long now = clock.getAsLong();
            for (StudyRecord r : studies.values()) {
                if (r.state == StudyState.RECEIVING && now - r.lastInstance >= quietMillis) {
                    r.state = StudyState.PENDING;
                    r.updated = now;
                    files.persist(r);
                    LOG.info("study {}: complete ({} instances in {} series), queued for diagnosis", Uids.hash(r.uid),
                            r.instances, r.series);
                }
                if (r.state == StudyState.PENDING && !r.queued && now >= r.retryAt) {
                    r.queued = true;
                    start.add(r.uid);
                }
            }
        }
        for (String uid : start) {
            worker.execute(() -> diagnose(uid));
        }
    }

    private void diagnose(String uid) {
        StudyRecord r;
        int covered;
        synchronized (this) {
            r = studies.get(uid);
            r.queued = false;
            if (r.state != StudyState.PENDING) {
                return;
            }
            r.state = StudyState.DIAGNOSING;
            r.dirty = false;
            r.updated = clock.getAsLong();
            covered = r.instances;
            files.persist(r);
        }
        long t0 = System.nanoTime();
        try {
            StudyDiagnosis.Outcome o = diagnosis.diagnose(uid);
            synchronized (this) {
                r.diagnosis = o.json;
                r.model = o.model;
                r.diagnosedInstances = covered;
                r.reason = null;
                r.reportSop = o.reportSop;
                settle(r, StudyState.DONE);
                if (r.state == StudyState.DONE && o.reportSop != null) {
                    reports.done(uid, o.reportSop);
                }
            }
            LOG.info("study {}: diagnosed with {} in {} ms", Uids.hash(uid), o.model,
                    Math.round((System.nanoTime() - t0) / 1e6));
        } catch (StudyDiagnosis.NotReady e) {
            synchronized (this) {
                String why = Uids.redact(e.getMessage());
                if (!Objects.equals(r.reason, why)) {
                    LOG.info("study {}: waiting: {}", Uids.hash(uid), why);
                }
                r.reason = why;
                r.retryAt = clock.getAsLong() + WAITING.delay(1);
                settle(r, StudyState.PENDING);
            }
        } catch (Exception | LinkageError e) {
            String why = Uids.redact(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            synchronized (this) {
                r.reason = why;
                r.diagnosedInstances = covered;
                settle(r, StudyState.FAILED);
                if (r.state == StudyState.FAILED) {
                    reports.failed(uid, why);
                }
            }
            LOG.warn("study {}: diagnosis failed: {}", Uids.hash(uid), why);
        }
    }

    /** Ends a diagnosis run: instances that came meanwhile send the study back to RECEIVING. */
    private void settle(StudyRecord r, StudyState state) {
        r.state = r.dirty ? StudyState.RECEIVING : state;
        r.dirty = false;
        r.updated = clock.getAsLong();
        files.persist(r);
    }

    /** Summaries of all studies, most recently received first. */
    synchronized JsonArray list() {
        List<StudyRecord> all = new ArrayList<>(studies.values());
        all.sort(Comparator.comparingLong((StudyRecord r) -> r.received).reversed().thenComparing(r -> r.uid));
        JsonArray out = new JsonArray();
        String planned = diagnosis.plannedModel();
        for (StudyRecord r : all) {
            out.add(withModel(r.summary(), r, planned));
        }
        return out;
    }

    /** One study: its summary, series, and diagnosis (null until there is one); null when unknown. */
    JsonObject get(String uid) throws IOException {
        JsonObject o;
        synchronized (this) {
            StudyRecord r = studies.get(uid);
            if (r == null) {
                return null;
            }
            o = withModel(r.summary(), r, diagnosis.plannedModel());
            o.add("diagnosis", r.diagnosis == null ? null : r.diagnosis.deepCopy());
        }
        JsonArray series = new JsonArray();
        for (Map.Entry<String, Integer> e : store.series(uid).entrySet()) {
            JsonObject s = new JsonObject();
            s.addProperty("seriesUid", e.getKey());
            s.addProperty("instances", e.getValue());
            series.add(s);
        }
        o.add("seriesList", series);
        return o;
    }

    /** Studies per state (every state, zeros included). */
    synchronized Map<StudyState, Integer> counts() {
        Map<StudyState, Integer> out = new java.util.EnumMap<>(StudyState.class);
        for (StudyState s : StudyState.values()) {
            out.put(s, 0);
        }
        for (StudyRecord r : studies.values()) {
            out.merge(r.state, 1, Integer::sum);
        }
        return out;
    }

    /** State of one study, for tests. */
    synchronized StudyState state(String uid) {
        StudyRecord r = studies.get(uid);
        return r == null ? null : r.state;
    }

    private static JsonObject withModel(JsonObject o, StudyRecord r, String planned) {
        if (r.model == null) {
            o.addProperty("model", planned);
        }
        return o;
    }
}
