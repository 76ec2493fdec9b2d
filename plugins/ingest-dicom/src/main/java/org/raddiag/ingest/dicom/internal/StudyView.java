package org.raddiag.ingest.dicom.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A short-lived view of a stored study for the readers: {@code views/HASH-N/series-K/NNNNN.dcm}, hard links to the
 * stored files (copies where links fail). Readers log and report paths, and these paths carry no UIDs; the stored
 * files are never handed to a reader directly.
 */
final class StudyView implements AutoCloseable {
    final Path dir;
    /** Series folder names in the view ({@code series-1}, ...) and the series UIDs they stand for, in order. */
    final List<Map.Entry<String, String>> series = new ArrayList<>();

    private StudyView(Path dir) {
        this.dir = dir;
    }

    static StudyView of(InstanceStore store, String studyUid) throws IOException {
        StudyView v = new StudyView(store.views.resolve(Uids.hash(studyUid) + "-" + System.nanoTime()));
        Files.createDirectories(v.dir);
        try {
            int k = 0;
            for (String seriesUid : store.series(studyUid).keySet()) {
                k++;
                Path to = v.dir.resolve("series-" + k);
                Files.createDirectories(to);
                int i = 0;
                for (Path f : InstanceStore.instances(store.studyDir(studyUid).resolve(seriesUid))) {
                    Path link = to.resolve(String.format("%05d.dcm", ++i));
                    try {
                        Files.createLink(link, f);
                    } catch (IOException | UnsupportedOperationException e) {
                        Files.copy(f, link);
                    }
                }
                v.series.add(Map.entry("series-" + k, seriesUid));
            }
        } catch (IOException | RuntimeException e) {
            v.close();
            throw e;
        }
        return v;
    }

    /** {@code text} with this view's folder taken out of paths (so {@code series-1/00001.dcm} remains). */
    String relative(String text) {
        return text == null ? null : text.replace(dir + "/", "").replace(dir.toString(), ".");
    }

    @Override
    public void close() {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // cleared at the next start (InstanceStore.open)
        }
    }
}
