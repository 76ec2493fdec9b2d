package org.raddiag.core.io;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.raddiag.api.io.ModalityReader;
import org.raddiag.api.io.ReadOptions;
import org.raddiag.api.telemetry.DiagnosisObserver;
import org.raddiag.core.cases.ScanFiles;
import org.raddiag.support.osgi.RankedServices;

/**
 * The modality readers installed right now, followed dynamically as reader plugins come and go. Readers are tried
 * in order of service ranking (highest first), then of registration (lowest service id), so a plugin can take over
 * a format by registering with a higher {@code service.ranking}. Reads through {@link #scanFiles} and
 * {@link #plainScanFiles} are timed for the {@link DiagnosisObserver}s.
 */
@Component(service = ReaderRegistry.class)
public final class ReaderRegistry {
    private final RankedServices<ModalityReader> readers = new RankedServices<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<DiagnosisObserver> observers;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addReader(ModalityReader reader, Map<String, Object> properties) {
        readers.add(reader, properties);
    }

    void removeReader(ModalityReader reader, Map<String, Object> properties) {
        readers.remove(reader, properties);
    }

    /** A snapshot of the readers in the order they are tried. */
    public List<ModalityReader> readers() {
        return readers.inOrder();
    }

    /** Reads scan files with a snapshot of the current readers, recording which reader read which scan. */
    public TrackedScanFiles scanFiles(ReadOptions options) {
        return new TrackedScanFiles(readers(), options, () -> observers);
    }

    /** Name of the reader that would read {@code path}, or null when none accepts it. */
    public String readerFor(Path path) {
        for (ModalityReader r : readers()) {
            if (r.accepts(path)) {
                return r.name();
            }
        }
        return null;
    }

    /** Convenience for loaders that only need the reading. */
    public ScanFiles plainScanFiles(ReadOptions options) {
        return scanFiles(options).files();
    }
}
