package org.raddiag.ingest.dicom.internal;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.raddiag.api.telemetry.MetricSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.raddiag.support.files.DurableFiles;

/**
 * One running ingest: the store (locked against a second process), the study tracker with its tick and its
 * single diagnosis worker, and the SCP. Started in this order (recovery before the port opens), closed in reverse.
 */
final class IngestRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IngestRuntime.class);
    private static final long TICK_MILLIS = 200;

    final InstanceStore store;
    final StudyTracker tracker;
    final ReportOutbox outbox;
    final Archive archive;
    private final StudyDiagnoser diagnoser;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final ScheduledExecutorService ticker;
    private final ExecutorService worker;
    private final ScheduledExecutorService sender;
    private DurableReceiver receiver;
    private StorageScp scp;
    private String scpError;

    private IngestRuntime(Settings s, RuntimeServices services, FileChannel lockChannel, FileLock lock) {
        this.store = new InstanceStore(s.storeDir);
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.outbox = new ReportOutbox(store.reports, ReportSender.ANY, System::currentTimeMillis);
        this.outbox.configure(s.destination, s.aeTitle, new Backoff(s.retryInitialMillis, s.retryMaxMillis));
        this.archive = new Archive(store, outbox::current);
        this.diagnoser = new StudyDiagnoser(store, services, s.model, s.topFindings, outbox, s.aeTitle);
        this.worker = Executors.newSingleThreadExecutor(r -> daemon(r, "raddiag-dicom-diagnosis"));
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "raddiag-dicom-studies"));
        this.sender = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "raddiag-dicom-outbox"));
        this.tracker = new StudyTracker(store, diagnoser, s.quietMillis, worker, System::currentTimeMillis);
        this.tracker.reports(outbox);
    }

    /**
     * Locks and opens the store, recovers its studies, starts the tracker and the SCP. A port that cannot be bound
     * is reported (log and status) but the rest runs, so stored studies still get diagnosed.
     *
     * @throws IOException when the store cannot be opened or is in use by another process
     */
    static IngestRuntime start(Settings s, InetAddress address, RuntimeServices services) throws IOException {
        DurableFiles.createDirectories(s.storeDir);
        FileChannel ch = FileChannel.open(s.storeDir.resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            ch.close();
            throw new IOException("the store " + s.storeDir + " is in use by another RadDiag process");
        }
        IngestRuntime r = new IngestRuntime(s, services, ch, lock);
        try {
            r.store.open();
            r.outbox.open();
            r.tracker.recover();
        } catch (IOException | RuntimeException e) {
            r.close();
            throw new IOException("cannot open the store " + s.storeDir + ": " + e.getMessage(), e);
        }
        r.ticker.scheduleWithFixedDelay(r::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        r.sender.scheduleWithFixedDelay(r::send, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        r.receiver = new DurableReceiver(r.store, r.tracker::received);
        r.scp = new StorageScp(s.aeTitle, r.store, r.receiver, s.maxAssociations);
        try {
            int port = r.scp.start(address, s.port);
            LOG.info("DICOM C-STORE SCP listening on {}:{} as AE title {} (store {}, quiet period {} s)",
                    address.getHostAddress(), port, s.aeTitle, s.storeDir, s.quietMillis / 1000);
        } catch (IOException e) {
            r.scp.close();
            r.scpError = "cannot listen on " + s.address + ":" + s.port + ": " + e.getMessage();
            r.scp = null;
            LOG.error("DICOM C-STORE SCP not started: {} (stored studies are still diagnosed)", r.scpError);
        }
        return r;
    }

    private void tick() {
        try {
            tracker.tick();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("DICOM ingest: study check failed: {}", Uids.redact(e.toString()));
        }
    }

    private void send() {
        try {
            outbox.tick();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("DICOM ingest: report sending failed: {}", Uids.redact(e.toString()));
        }
    }

    /** Settings that need no new listener: quiet period, model, findings kept, report destination. */
    void reconfigure(Settings s) {
        outbox.configure(s.destination, s.aeTitle, new Backoff(s.retryInitialMillis, s.retryMaxMillis));
        tracker.quietPeriod(s.quietMillis);
        diagnoser.configure(s.model, s.topFindings);
    }

    boolean listening() {
        return scp != null;
    }

    JsonObject status() {
        JsonObject o = new JsonObject();
        if (scp != null) {
            o.addProperty("port", scp.port());
            o.addProperty("activeAssociations", scp.activeAssociations());
        } else {
            o.addProperty("reason", scpError);
        }
        o.addProperty("model", diagnoser.plannedModel());
        o.addProperty("instancesStored", receiver == null ? 0 : receiver.storedCount());
        o.addProperty("instancesRefused", receiver == null ? 0 : receiver.refusedCount());
        Destination to = outbox.destination();
        o.addProperty("reportDestination", to == null ? null : to.toString());
        JsonObject reports = new JsonObject();
        for (ReportOutbox.State st : ReportOutbox.State.values()) {
            reports.addProperty(st.name(), outbox.counts().getOrDefault(st, 0));
        }
        o.add("reports", reports);
        return o;
    }

    /** A STOW-RS instance, through the same receiver as C-STORE (so the same checks, counters and study tracking). */
    InstanceIds stow(java.nio.file.Path file) throws Exception {
        String ts;
        com.pixelmed.dicom.AttributeList meta = new com.pixelmed.dicom.AttributeList();
        try (java.io.InputStream in = new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(file));
                com.pixelmed.dicom.DicomInputStream din = new com.pixelmed.dicom.DicomInputStream(in)) {
            if (!din.haveMetaHeader()) {
                throw new com.pixelmed.dicom.DicomException("not a DICOM Part 10 file (no DICM preamble and meta "
                        + "header)");
            }
            meta.readOnlyMetaInformationHeader(din);
            ts = Uids.clean(com.pixelmed.dicom.Attribute.getSingleStringValueOrNull(meta,
                    com.pixelmed.dicom.TagFromName.TransferSyntaxUID));
        } catch (java.io.IOException | com.pixelmed.dicom.DicomException | RuntimeException e) {
            java.nio.file.Files.deleteIfExists(file);
            receiver.refusedStow();
            throw e instanceof com.pixelmed.dicom.DicomException ? e
                    : new com.pixelmed.dicom.DicomException("not a readable DICOM Part 10 file");
        }
        return receiver.store(file, ts, "STOW-RS", DurableReceiver.Channel.STOW);
    }

    /** The ingest's counters and gauges for /metrics. */
    void collect(MetricSink sink) {
        for (DurableReceiver.Channel c : DurableReceiver.Channel.values()) {
            Map<String, String> via = Map.of("channel", c == DurableReceiver.Channel.STOW ? "stow-rs" : "c-store");
            sink.counter("dicom_instances_received", "DICOM instances received, by channel (C-STORE or STOW-RS)",
                    receiver == null ? 0 : receiver.received(c), via);
            sink.counter("dicom_instances_stored", "DICOM instances stored durably and acknowledged, by channel",
                    receiver == null ? 0 : receiver.stored(c), via);
            sink.counter("dicom_instances_refused", "DICOM instances refused (not acknowledged), by channel",
                    receiver == null ? 0 : receiver.refused(c), via);
        }
        sink.gauge("dicom_associations", "Open DICOM associations", scp == null ? 0 : scp.activeAssociations(),
                Map.of());
        for (Map.Entry<StudyState, Integer> e : tracker.counts().entrySet()) {
            sink.gauge("dicom_studies", "Received studies by state", e.getValue(), Map.of("state", e.getKey().name()));
        }
        Map<ReportOutbox.State, Integer> reports = outbox.counts();
        for (ReportOutbox.State st : ReportOutbox.State.values()) {
            sink.gauge("dicom_reports", "Structured reports in the outbox by state", reports.getOrDefault(st, 0),
                    Map.of("state", st.name()));
        }
        for (ReportOutbox.Result r : ReportOutbox.Result.values()) {
            sink.counter("dicom_report_sends", "Attempts to send a structured report, by result",
                    outbox.sends(r), Map.of("result", r.name().toLowerCase(java.util.Locale.ROOT)));
        }
    }

    @Override
    public void close() {
        if (scp != null) {
            scp.close();
        }
        ticker.shutdownNow();
        sender.shutdownNow();
        worker.shutdownNow();
        try {
            if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("DICOM ingest: a diagnosis is still running; its study is diagnosed again at the next start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            // released with the process anyway
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
