package org.raddiag.core.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.raddiag.api.data.Scan;
import org.raddiag.api.io.ModalityReader;
import org.raddiag.api.io.ReadException;
import org.raddiag.api.io.ReadOptions;
import org.raddiag.api.telemetry.DiagnosisObserver;
import org.raddiag.core.cases.ScanFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ScanFiles} over a fixed list of readers that remembers which reader produced each scan and tells the
 * {@link DiagnosisObserver}s how long each successful read took (the reading latency).
 */
public final class TrackedScanFiles {
    private static final Logger LOG = LoggerFactory.getLogger(TrackedScanFiles.class);
    private final Map<String, String> readBy = new ConcurrentHashMap<>();
    private final Supplier<List<DiagnosisObserver>> observers;
    private final ScanFiles files;

    TrackedScanFiles(List<ModalityReader> readers, ReadOptions options, Supplier<List<DiagnosisObserver>> observers) {
        this.observers = observers;
        List<ModalityReader> tracking = new ArrayList<>();
        for (ModalityReader r : readers) {
            tracking.add(new Recording(r));
        }
        this.files = new ScanFiles(tracking, options);
    }

    public ScanFiles files() {
        return files;
    }

    /**
     * Name of the reader that produced {@code scan} (matched by its source, which copies such as
     * {@link Scan#withModality} keep), or null when it did not come from these files.
     */
    public String readerOf(Scan scan) {
        return readBy.get(scan.source());
    }

    private final class Recording implements ModalityReader {
        private final ModalityReader delegate;

        Recording(ModalityReader delegate) {
            this.delegate = delegate;
        }

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public Set<String> formats() {
            return delegate.formats();
        }

        @Override
        public boolean accepts(Path path) {
            return delegate.accepts(path);
        }

        @Override
        public List<Scan> read(Path path, ReadOptions options) throws ReadException {
            List<Scan> scans;
            long t0 = System.nanoTime();
            try {
                scans = delegate.read(path, options);
            } catch (RuntimeException e) {
                // a reader bug must not take the whole case (or the runtime) down: report it as this file's error
                throw new ReadException(path, ReadException.Reason.CORRUPT,
                        "reader '" + delegate.name() + "' failed: " + e, e);
            }
            scans.forEach(s -> readBy.put(s.source(), delegate.name()));
            timed(scans.size(), (System.nanoTime() - t0) / 1e6);
            return scans;
        }

        private void timed(int scans, double ms) {
            List<DiagnosisObserver> told = observers.get();
            for (DiagnosisObserver o : told == null ? List.<DiagnosisObserver>of() : told) {
                try {
                    o.read(delegate.name(), scans, ms);
                } catch (RuntimeException e) {
                    LOG.debug("diagnosis observer failed: {}", e.toString());
                }
            }
        }
    }
}
