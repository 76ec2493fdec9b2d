package org.raddiag.ingest.dicom.internal;

import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The stored studies as DICOMweb (QIDO-RS, WADO-RS) sees them: the received instances of each study and its
 * current structured report, by series.
 */
final class Archive {
    private final InstanceStore store;
    private final Function<String, Path> report;

    /** @param report a study's current report file, or null ({@link ReportOutbox#current}) */
    Archive(InstanceStore store, Function<String, Path> report) {
        this.store = store;
        this.report = report;
    }

    /** UIDs of the stored studies, sorted. */
    List<String> studies() throws IOException {
        return store.studyUids();
    }

    /** Series UID to the instance files of a study (received series and the report's); empty when unknown. */
    Map<String, List<Path>> series(String studyUid) throws IOException {
        Map<String, List<Path>> out = new TreeMap<>();
        Path dir = store.studyDir(studyUid);
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
                for (Path series : s) {
                    String name = series.getFileName().toString();
                    if (Files.isDirectory(series) && Uids.valid(name)) {
                        List<Path> files = InstanceStore.instances(series);
                        if (!files.isEmpty()) {
                            out.put(name, new ArrayList<>(files));
                        }
                    }
                }
            }
        }
        Path sr = report.apply(studyUid);
        if (sr != null) {
            try {
                String series = Uids.clean(com.pixelmed.dicom.Attribute.getSingleStringValueOrNull(InstanceHeader.attributes(sr),
                        TagFromName.SeriesInstanceUID));
                if (Uids.valid(series)) {
                    out.computeIfAbsent(series, k -> new ArrayList<>()).add(sr);
                }
            } catch (IOException e) {
                // replaced by a newer report meanwhile: the next query sees that one
            }
        }
        return out;
    }
}
