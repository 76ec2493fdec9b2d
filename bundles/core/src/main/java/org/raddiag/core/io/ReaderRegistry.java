package org.raddiag.core.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.raddiag.api.io.ModalityReader;
import org.raddiag.api.io.ReadOptions;
import org.raddiag.core.cases.ScanFiles;

/**
 * The modality readers installed right now, followed dynamically as reader plugins come and go. Readers are tried
 * in order of service ranking (highest first), then of registration, so a plugin can take over a format by
 * registering with a higher {@code service.ranking}.
 */
@Component(service = ReaderRegistry.class)
public final class ReaderRegistry {
    private final List<Entry> readers = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addReader(ModalityReader reader, Map<String, Object> properties) {
        readers.add(new Entry(reader, properties));
    }

    void removeReader(ModalityReader reader) {
        readers.removeIf(e -> e.reader == reader);
    }

    /** A snapshot of the readers in the order they are tried. */
    public List<ModalityReader> readers() {
        List<Entry> sorted = new ArrayList<>(readers);
        sorted.sort(Comparator.comparingInt((Entry e) -> e.ranking).reversed().thenComparingLong(e -> e.serviceId));
        List<ModalityReader> out = new ArrayList<>();
        sorted.forEach(e -> out.add(e.reader));
        return out;
    }

    /** Reads scan files with a snapshot of the current readers, recording which reader read which scan. */
    public TrackedScanFiles scanFiles(ReadOptions options) {
        return new TrackedScanFiles(readers(), options);
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
        return new ScanFiles(readers(), options);
    }

    private static final class Entry {
        final ModalityReader reader;
        final int ranking;
        final long serviceId;

        Entry(ModalityReader reader, Map<String, Object> p) {
            this.reader = reader;
            Object r = p.get(Constants.SERVICE_RANKING);
            this.ranking = r instanceof Integer ? (Integer) r : 0;
            Object id = p.get(Constants.SERVICE_ID);
            this.serviceId = id instanceof Long ? (Long) id : Long.MAX_VALUE;
        }
    }
}
