package org.raddiag.core.cases;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.raddiag.api.data.Scan;
import org.raddiag.api.io.ModalityReader;
import org.raddiag.api.io.ReadException;
import org.raddiag.api.io.ReadException.Reason;
import org.raddiag.api.io.ReadOptions;

/** Reads one scan file or folder with the first reader that accepts it. */
public final class ScanFiles {
    private final List<ModalityReader> readers;
    private final ReadOptions options;

    public ScanFiles(List<ModalityReader> readers, ReadOptions options) {
        this.readers = List.copyOf(readers);
        this.options = options == null ? ReadOptions.defaults() : options;
    }

    /** The scans in {@code path}. */
    public List<Scan> read(Path path) throws ReadException {
        if (!Files.exists(path)) {
            throw new ReadException(path, Reason.NOT_FOUND, "no such file");
        }
        for (ModalityReader r : readers) {
            if (r.accepts(path)) {
                List<Scan> scans = r.read(path, options);
                if (scans.isEmpty()) {
                    throw new ReadException(path, Reason.CORRUPT, "reader '" + r.name() + "' found no image");
                }
                return scans;
            }
        }
        throw new ReadException(path, Reason.WRONG_FORMAT, "no reader accepts this file (readers: "
                + readers.stream().map(ModalityReader::name).reduce((a, b) -> a + ", " + b).orElse("none") + ")");
    }

    /** Whether some reader takes {@code path} as a whole (a file, or a folder such as a DICOM series). */
    public boolean accepts(Path path) {
        return readers.stream().anyMatch(r -> r.accepts(path));
    }

    public ReadOptions options() {
        return options;
    }
}
