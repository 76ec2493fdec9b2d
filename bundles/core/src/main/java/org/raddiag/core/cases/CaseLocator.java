package org.raddiag.core.cases;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.raddiag.api.data.Case;
import org.raddiag.api.data.Sample;
import org.raddiag.api.data.Scan;
import org.raddiag.api.io.ReadException;

/**
 * Turns a path given by a user into cases: an RP3D case file ({@code *.json}: all its cases, or one chosen by id),
 * a case folder ({@code case.json} or one file/sub-folder per scan), or a single scan file or series folder that a
 * reader accepts (one case with one scan).
 *
 * @param keys  key-slice reader for RP3D files, or null to ignore key files
 * @param level label level of RP3D files ({@link Rp3dCaseFile#ARTICLES} or {@link Rp3dCaseFile#ICD10})
 */
public record CaseLocator(ScanFiles files, KeySliceSource keys, String level) {

    /**
     * The cases at {@code path}; {@code caseId} selects one case of an RP3D file (null: all).
     *
     * @throws IOException when the path does not exist or a case file cannot be parsed
     */
    public List<LoadedCase> locate(Path path, String caseId) throws IOException {
        if (!Files.exists(path)) {
            throw new IOException(path + ": no such file or folder");
        }
        List<LoadedCase> out = new ArrayList<>();
        if (Files.isRegularFile(path) && path.getFileName().toString().toLowerCase().endsWith(".json")) {
            Rp3dCaseFile file = new Rp3dCaseFile(path, new DataPathResolver(path.toAbsolutePath().getParent()), files,
                    keys, level);
            List<String> ids = caseId == null ? file.caseIds() : List.of(caseId);
            for (String id : ids) {
                out.add(file.load(id));
            }
            return out;
        }
        if (Files.isDirectory(path) && (Files.exists(path.resolve(FolderCaseLoader.CASE_FILE)) || !singleSeries(path))) {
            out.add(new FolderCaseLoader(files).load(path));
            return out;
        }
        String id = path.getFileName().toString();
        try {
            List<Scan> scans = files.read(path);
            List<Sample> samples = new ArrayList<>();
            for (Scan s : scans) {
                samples.add(new Sample(s.modality(), List.of(s)));
            }
            out.add(new LoadedCase(new Case(id, samples, List.of()), List.of()));
        } catch (ReadException e) {
            out.add(new LoadedCase(new Case(id, List.of(), List.of()), List.of(e)));
        }
        return out;
    }

    /** A folder that a reader takes as a whole (e.g. a DICOM series) rather than one entry per scan. */
    private boolean singleSeries(Path dir) {
        return files.accepts(dir);
    }
}
