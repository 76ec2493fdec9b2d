package org.raddiag.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.raddiag.api.io.ReadOptions;
import org.raddiag.core.cases.DataPathResolver;
import org.raddiag.core.cases.FolderCaseLoader;
import org.raddiag.core.cases.Rp3dCaseFile;
import org.raddiag.core.cases.ScanFiles;

/**
 * Lists the cases of an archive on the driver, one {@link CaseUnit} per case, never per file or series.
 * <ul>
 * <li>A case folder ({@code case.json}, or scan files of its own) is one case; an RP3D case file ({@code *.json})
 * gives one unit per case id; any other file is a one-scan case.</li>
 * <li>A DICOM series folder (a folder a reader takes as a whole; a flat folder of several series too) is one
 * case.</li>
 * <li>A study folder, one sub-folder per series and no scan files of its own (as a PACS export writes a study), is
 * one case with one scan per series: also when it is the input itself, as {@code raddiag diagnose STUDY} reads
 * it.</li>
 * <li>Any other folder (the archive, or a patient folder of a PATIENT/STUDY/SERIES export) holds cases: its entries
 * are listed in turn.</li>
 * </ul>
 * Hidden entries are skipped, entries are listed in name order. An RP3D file that cannot be parsed is listed as one
 * unit, so that its reason lands in the errors table; so is a folder that holds nothing a reader takes.
 */
public final class CaseLister {
    private final String level;
    private final ScanFiles readers;

    /** @param readers what tells series, study and case folders apart (the readers the executors read with) */
    public CaseLister(String level, ScanFiles readers) {
        this.level = level;
        this.readers = readers;
    }

    /** The cases under {@code input}, in name order. */
    public List<CaseUnit> list(Path input) throws IOException {
        Path p = input.toAbsolutePath().normalize();
        if (!Files.exists(p)) {
            throw new IOException("--input " + input + ": no such file or folder");
        }
        List<CaseUnit> out = new ArrayList<>();
        if (Files.isDirectory(p) && !Files.exists(p.resolve(FolderCaseLoader.CASE_FILE)) && !readers.accepts(p)
                && !isStudy(p)) {
            listEntries(p, out);
        } else {
            add(p, out);
        }
        return out;
    }

    /** The entries of an archive (or patient) folder, each a case, or a folder of cases to list in turn. */
    private void listEntries(Path dir, List<CaseUnit> out) throws IOException {
        for (Path e : entries(dir)) {
            if (Files.isDirectory(e) && holdsCases(e)) {
                listEntries(e, out);
            } else {
                add(e, out);
            }
        }
    }

    /**
     * A folder that is not a case but holds cases: no case.json, not a series, no scan files of its own, not a
     * study, and with sub-folders.
     */
    private boolean holdsCases(Path dir) throws IOException {
        if (Files.exists(dir.resolve(FolderCaseLoader.CASE_FILE)) || readers.accepts(dir)) {
            return false;
        }
        List<Path> entries = entries(dir);
        return entries.stream().noneMatch(e -> Files.isRegularFile(e) && readers.accepts(e))
                && entries.stream().anyMatch(Files::isDirectory) && !isStudy(dir);
    }

    /** One sub-folder per series, each taken whole by a reader, and no scan files beside them. */
    private boolean isStudy(Path dir) throws IOException {
        if (Files.exists(dir.resolve(FolderCaseLoader.CASE_FILE)) || readers.accepts(dir)) {
            return false;
        }
        List<Path> entries = entries(dir);
        List<Path> folders = entries.stream().filter(Files::isDirectory).toList();
        return !folders.isEmpty() && folders.stream().allMatch(readers::accepts)
                && entries.stream().noneMatch(e -> Files.isRegularFile(e) && readers.accepts(e));
    }

    private static List<Path> entries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(e -> !e.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    private void add(Path p, List<CaseUnit> out) {
        if (Files.isRegularFile(p) && p.getFileName().toString().toLowerCase().endsWith(".json")) {
            try {
                // the scan files are read on the executors; listing needs only the case ids
                Rp3dCaseFile file = new Rp3dCaseFile(p, new DataPathResolver(p.getParent()),
                        new ScanFiles(List.of(), ReadOptions.defaults()), null, level);
                for (String id : file.caseIds()) {
                    out.add(new CaseUnit(p + "#" + id, p.toString(), id));
                }
                return;
            } catch (IOException | RuntimeException e) {
                // listed as a whole: the executor reads it again and reports why it cannot be read
            }
        }
        out.add(new CaseUnit(p.toString(), p.toString(), null));
    }
}
