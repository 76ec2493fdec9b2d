package org.raddiag.ingest.dicom.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;
import org.raddiag.support.files.DurableFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persistent outbox of structured reports, one folder per study under the store's {@code reports/}:
 * {@code reports/STUDY/SOP.dcm} (the report, written durably before the study is DONE) and
 * {@code reports/STUDY/outbox.json} (its state, replaced atomically). States: PENDING (not sent yet),
 * FAILED_RETRYING (attempts, last error, next attempt after an exponential backoff), SENT (with the time the peer
 * acknowledged it; written durably right after the C-STORE or STOW-RS response, so an acknowledged report is never sent
 * again) and FAILED (the study's diagnosis failed: no report is sent). Whatever is not SENT is retried after a
 * restart, at once.
 */
final class ReportOutbox implements StudyTracker.Reports {
    private static final Logger LOG = LoggerFactory.getLogger(ReportOutbox.class);
    private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();
    static final String STATE = "outbox.json";

    enum State { PENDING, FAILED_RETRYING, SENT, FAILED }

    /** How a send attempt ended: the peer acknowledged the report, or it did not (retried). */
    enum Result { ACKNOWLEDGED, FAILED }

    private final Path root;
    private final LongSupplier clock;
    private final ReportSender.Send sender;
    private final Map<String, Entry> entries = new HashMap<>();
    private final AtomicLongArray sends = new AtomicLongArray(Result.values().length);
    private volatile Destination destination;
    private volatile String callingAe = "RADDIAG";
    private volatile Backoff backoff = new Backoff(5000, 600_000);

    ReportOutbox(Path root, ReportSender.Send sender, LongSupplier clock) {
        this.root = root;
        this.sender = sender;
        this.clock = clock;
    }

    /** Destination (null: none, reports wait), our AE title (for C-STORE) and the retry backoff. */
    void configure(Destination to, String ourAeTitle, Backoff retries) {
        this.destination = to;
        this.callingAe = ourAeTitle;
        this.backoff = retries;
    }

    /** Loads every study's outbox state (temp files of an interrupted write are removed). */
    synchronized void open() throws IOException {
        DurableFiles.createDirectories(root);
        try (DirectoryStream<Path> s = Files.newDirectoryStream(root)) {
            for (Path dir : s) {
                String uid = dir.getFileName().toString();
                if (!Files.isDirectory(dir) || !Uids.valid(uid)) {
                    continue;
                }
                try (DirectoryStream<Path> tmp = Files.newDirectoryStream(dir, "*" + DurableFiles.TEMP_SUFFIX)) {
                    for (Path p : tmp) {
                        Files.deleteIfExists(p);
                    }
                }
                Path f = dir.resolve(STATE);
                if (Files.isRegularFile(f)) {
                    try {
                        entries.put(uid, Entry.fromJson(JsonParser.parseString(Files.readString(f,
                                StandardCharsets.UTF_8)).getAsJsonObject()));
                    } catch (IOException | RuntimeException e) {
                        LOG.warn("report of study {}: unreadable outbox state, sent again: {}", Uids.hash(uid),
                                Uids.redact(e.toString()));
                    }
                }
            }
        }
    }

    /** Where the report {@code sop} of a study lives. */
    Path file(String studyUid, String sop) {
        return root.resolve(Uids.require("StudyInstanceUID", studyUid)).resolve(Uids.require("SOPInstanceUID", sop)
                + ".dcm");
    }

    /** Writes a new report durably (it is queued by {@link #done} once the study is DONE). */
    void write(String studyUid, DiagnosisReport report) throws IOException {
        Path f = file(studyUid, report.sopInstanceUid);
        DurableFiles.createDirectories(f.getParent());
        DurableFiles.write(f, report.bytes);
    }

    /** The current report file of a study (the one its outbox state names), or null. */
    synchronized Path current(String studyUid) {
        Entry e = entries.get(studyUid);
        if (e == null || e.sop == null) {
            return null;
        }
        Path f = file(studyUid, e.sop);
        return Files.isRegularFile(f) ? f : null;
    }

    @Override
    public synchronized void done(String studyUid, String sop) {
        Entry e = entries.get(studyUid);
        if (e != null && sop.equals(e.sop) && e.state != State.FAILED) {
            return;
        }
        Entry n = new Entry();
        n.sop = sop;
        n.state = State.PENDING;
        n.created = clock.getAsLong();
        entries.put(studyUid, n);
        persist(studyUid, n);
        removeOthers(studyUid, sop);
    }

    @Override
    public synchronized void failed(String studyUid, String reason) {
        Entry e = entries.get(studyUid);
        if (e != null && e.state == State.SENT) {
            return;
        }
        Entry n = new Entry();
        n.state = State.FAILED;
        n.lastError = "diagnosis failed, no report made: " + reason;
        n.created = clock.getAsLong();
        entries.put(studyUid, n);
        persist(studyUid, n);
        removeOthers(studyUid, null);
    }

    /** Sends what is due, one report at a time, from the caller's thread (the outbox worker). */
    void tick() {
        Destination to = destination;
        if (to == null) {
            return;
        }
        for (String uid : due()) {
            Entry e;
            synchronized (this) {
                e = entries.get(uid);
            }
            Path f = file(uid, e.sop);
            try {
                sender.send(to, callingAe, f);
                sends.incrementAndGet(Result.ACKNOWLEDGED.ordinal());
                synchronized (this) {
                    e.attempts++;
                    e.state = State.SENT;
                    e.acknowledged = clock.getAsLong();
                    e.lastError = null;
                    e.destination = to.toString();
                    persist(uid, e);
                }
                LOG.info("report of study {} sent to {} (attempt {})", Uids.hash(uid), to, e.attempts);
            } catch (IOException | RuntimeException ex) {
                sends.incrementAndGet(Result.FAILED.ordinal());
                String why = Uids.redact(ex.getMessage() == null ? ex.toString() : ex.getMessage());
                synchronized (this) {
                    e.attempts++;
                    e.state = State.FAILED_RETRYING;
                    e.lastError = why;
                    e.nextAttempt = clock.getAsLong() + backoff.delay(e.attempts);
                    persist(uid, e);
                }
                LOG.warn("report of study {}: sending to {} failed (attempt {}), retried in {} s: {}", Uids.hash(uid),
                        to, e.attempts, (e.nextAttempt - clock.getAsLong() + 999) / 1000, why);
            }
        }
    }

    private synchronized List<String> due() {
        long now = clock.getAsLong();
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            Entry x = e.getValue();
            if ((x.state == State.PENDING || x.state == State.FAILED_RETRYING) && now >= x.nextAttempt) {
                out.add(e.getKey());
            }
        }
        out.sort(null);
        return out;
    }

    /** The report state of a study for {@code /api/v1/studies}, or null when it has none. */
    synchronized JsonObject status(String studyUid) {
        Entry e = entries.get(studyUid);
        if (e == null) {
            return null;
        }
        JsonObject o = e.toJson();
        if (e.state == State.PENDING && destination == null) {
            o.addProperty("waiting", "no destination configured (destinationHost or destinationStowUrl in PID " + DicomIngest.PID + ")");
        }
        if (e.state == State.FAILED_RETRYING) {
            o.addProperty("nextAttempt", StudyRecord.time(e.nextAttempt));
        }
        return o;
    }

    /** Reports per state, for the ingest status. */
    synchronized Map<State, Integer> counts() {
        Map<State, Integer> out = new HashMap<>();
        for (Entry e : entries.values()) {
            out.merge(e.state, 1, Integer::sum);
        }
        return out;
    }

    /** Send attempts since start that ended with {@code r}. */
    long sends(Result r) {
        return sends.get(r.ordinal());
    }

    Destination destination() {
        return destination;
    }

    private void removeOthers(String studyUid, String keep) {
        Path dir = root.resolve(studyUid);
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.dcm")) {
            for (Path p : s) {
                if (keep == null || !p.getFileName().toString().equals(keep + ".dcm")) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            // superseded reports are never sent; left-overs cost only space
        }
    }

    private void persist(String studyUid, Entry e) {
        try {
            Path f = root.resolve(Uids.require("StudyInstanceUID", studyUid)).resolve(STATE);
            DurableFiles.createDirectories(f.getParent());
            DurableFiles.write(f, GSON.toJson(e.toJson()).getBytes(StandardCharsets.UTF_8));
        } catch (IOException ex) {
            LOG.warn("report of study {}: could not write its outbox state: {}", Uids.hash(studyUid),
                    Uids.redact(ex.toString()));
        }
    }

    private static final class Entry {
        String sop;
        State state;
        int attempts;
        String lastError;
        long created;
        long acknowledged;
        String destination;
        long nextAttempt; // not persisted: due at once after a restart

        JsonObject toJson() {
            JsonObject o = new JsonObject();
            o.addProperty("state", state.name());
            o.addProperty("sopInstanceUid", sop);
            o.addProperty("attempts", attempts);
            o.addProperty("lastError", lastError);
            o.addProperty("created", StudyRecord.time(created));
            o.addProperty("acknowledged", StudyRecord.time(acknowledged));
            o.addProperty("destination", destination);
            return o;
        }

        static Entry fromJson(JsonObject o) {
            Entry e = new Entry();
            e.state = State.valueOf(o.get("state").getAsString());
            e.sop = StudyRecord.string(o, "sopInstanceUid", null);
            e.attempts = StudyRecord.integer(o, "attempts", 0);
            e.lastError = StudyRecord.string(o, "lastError", null);
            e.destination = StudyRecord.string(o, "destination", null);
            e.created = StudyRecord.millis(o, "created");
            e.acknowledged = StudyRecord.millis(o, "acknowledged");
            if (e.state != State.FAILED && (e.sop == null || !Uids.valid(e.sop))) {
                throw new IllegalArgumentException("no valid sopInstanceUid");
            }
            return e;
        }
    }
}
