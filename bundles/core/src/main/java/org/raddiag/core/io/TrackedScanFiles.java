package org.raddiag.core.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.raddiag.api.data.Scan;
import org.raddiag.api.io.ModalityReader;
import org.raddiag.api.io.ReadException;
import org.raddiag.api.io.ReadOptions;
import org.raddiag.core.cases.ScanFiles;

/** {@link ScanFiles} over a fixed list of readers that remembers which reader produced each scan. */
public final class TrackedScanFiles {
    private final Map<String, String> readBy = new ConcurrentHashMap<>();
    private final ScanFiles files;

    TrackedScanFiles(List<ModalityReader> readers, ReadOptions options) {
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
            try {
                scans = delegate.read(path, options);
            } catch (RuntimeException e) {
                // a reader bug must not take the whole case (or the runtime) down: report it as this file's error
                throw new ReadException(path, ReadException.Reason.CORRUPT,
                        "reader '" + delegate.name() + "' failed: " + e, e);
            }
            scans.forEach(s -> readBy.put(s.source(), delegate.name()));
            return scans;
        }
    }
}
