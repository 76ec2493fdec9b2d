package org.raddiag.core.io;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.raddiag.api.data.Scan;
import org.raddiag.api.io.ModalityReader;
import org.raddiag.api.io.ReadException;
import org.raddiag.api.io.ReadOptions;
import org.raddiag.api.telemetry.DiagnosisObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A reader that tells the {@link DiagnosisObserver}s how long each successful read took (the reading latency). */
final class TimedReader implements ModalityReader {
    private static final Logger LOG = LoggerFactory.getLogger(TimedReader.class);
    private final ModalityReader delegate;
    private final Supplier<List<DiagnosisObserver>> observers;

    TimedReader(ModalityReader delegate, Supplier<List<DiagnosisObserver>> observers) {
        this.delegate = delegate;
        this.observers = observers;
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
        long t0 = System.nanoTime();
        List<Scan> scans = delegate.read(path, options);
        double ms = (System.nanoTime() - t0) / 1e6;
        List<DiagnosisObserver> told = observers.get();
        if (told != null) {
            for (DiagnosisObserver o : told) {
                try {
                    o.read(delegate.name(), scans.size(), ms);
                } catch (RuntimeException e) {
                    LOG.debug("diagnosis observer failed: {}", e.toString());
                }
            }
        }
        return scans;
    }
}
