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
 * Lists the cases of an archive on the driver, one {@link CaseUnit} per case, never per file: an RP3D case file
 * ({@code *.json}) gives one unit per case id; a case folder ({@code case.json}) is one case; any other folder is an
 * archive whose entries are cases: each sub-folder a case (a case folder, or a DICOM study tree whose series folders
 * are its scans: one study = one case), each RP3D {@code *.json} its cases, each other file a one-scan case. Hidden
 * entries are skipped. An RP3D file that cannot be parsed is listed as one unit, so that its reason lands in the
 * errors table.
 */
public final class CaseLister {
    private final String level;

    public CaseLister(String level) {
        this.level = level;
    }

    /** The cases under {@code input}, in name order. */
    public List<CaseUnit> list(Path input) throws IOException {
        Path p = input.toAbsolutePath().normalize();
        if (!Files.exists(p)) {
            throw new IOException("--input " + input + ": no such file or folder");
        }
        List<CaseUnit> out = new ArrayList<>();
        if (Files.isDirectory(p) && !Files.exists(p.resolve(FolderCaseLoader.CASE_FILE))) {
            List<Path> entries;
            try (Stream<Path> s = Files.list(p)) {
                entries = s.filter(e -> !e.getFileName().toString().startsWith(".")).sorted().toList();
            }
            for (Path e : entries) {
                add(e, out);
            }
        } else {
            add(p, out);
        }
        return out;
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
