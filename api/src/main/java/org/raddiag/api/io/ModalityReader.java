package org.raddiag.api.io;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Reads files written by other tools (DICOM, NIfTI, NumPy, PNG/JPEG, ...) into scans. Implementations are DS
 * components registered with {@code raddiag.kind=reader} and {@code raddiag.format=<formats>}. A reader must never
 * let a bad file crash the JVM or exhaust memory: it validates headers against {@link ReadOptions#maxVoxels()}
 * before allocating and reports every problem as a {@link ReadException} naming the file.
 */
public interface ModalityReader {
    /** Short unique name, e.g. {@code npy}. */
    String name();

    /** Formats this reader decodes, e.g. {@code npy}, {@code npz}; by default the one its {@link #name()} names. */
    default Set<String> formats() {
        return Set.of(name());
    }

    /** Cheap check (name and/or first bytes) whether this reader should try {@code path}; never throws. */
    boolean accepts(Path path);

    /**
     * Reads {@code path} (a file, or a folder for series formats) into one or more scans.
     *
     * @throws ReadException naming the file and the reason when it cannot be read
     */
    List<org.raddiag.api.data.Scan> read(Path path, ReadOptions options) throws ReadException;
}
