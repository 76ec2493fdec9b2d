package org.raddiag.ingest.dicom.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.raddiag.support.files.DurableFiles;

/**
 * The folder of received instances:
 * <pre>
 * incoming/                    PixelMed's temp files while an instance arrives (cleared at start: never acknowledged)
 * studies/STUDY/SERIES/SOP.dcm every acknowledged instance, named by its (validated) UIDs
 * studies/STUDY.json           the study's state and diagnosis, replaced atomically
 * views/                       short-lived hard-link views of a study for the readers (cleared at start)
 * reports/STUDY/               the structured reports of the study's diagnosis and their outbox state
 * </pre>
 * An instance becomes visible under {@code studies/} only by an atomic rename of a forced file, followed by a
 * forced folder, so a file there is always complete and a completed commit survives kill -9.
 */
final class InstanceStore {
    static final String SUFFIX = ".dcm";
    final Path root;
    final Path incoming;
    final Path studies;
    final Path views;
    final Path reports;

    InstanceStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.incoming = this.root.resolve("incoming");
        this.studies = this.root.resolve("studies");
        this.views = this.root.resolve("views");
        this.reports = this.root.resolve("reports");
    }

    /** Creates the folders and removes what a crash left behind (unacknowledged temp files, views, temp state). */
    void open() throws IOException {
        for (Path d : List.of(incoming, studies, views)) {
            DurableFiles.createDirectories(d);
        }
        clear(incoming);
        clear(views);
        try (DirectoryStream<Path> s = Files.newDirectoryStream(studies, ".*.tmp")) {
            for (Path p : s) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Where an instance lives once stored. */
    Path pathOf(InstanceIds ids) {
        return studies.resolve(ids.study).resolve(ids.series).resolve(ids.sop + SUFFIX);
    }

    Path studyDir(String studyUid) {
        return studies.resolve(Uids.require("StudyInstanceUID", studyUid));
    }

    Path stateFile(String studyUid) {
        return studies.resolve(Uids.require("StudyInstanceUID", studyUid) + ".json");
    }

    /**
     * Makes a received file (in this store's file system) the stored instance {@code ids}: forced, renamed into
     * place atomically (a resent instance replaces the old copy), folder forced. When this returns, the instance is
     * durable and the sender may be told so.
     *
     * @return whether the instance is new (not a resend of a stored one)
     */
    boolean commit(Path received, InstanceIds ids) throws IOException {
        Path target = pathOf(ids);
        DurableFiles.createDirectories(target.getParent());
        boolean existed = Files.exists(target);
        DurableFiles.move(received, target, DurableFiles.Existing.REPLACE);
        return !existed;
    }

    /** Series UID to instance count of a stored study (empty when it has none). */
    Map<String, Integer> series(String studyUid) throws IOException {
        Map<String, Integer> out = new TreeMap<>();
        Path dir = studyDir(studyUid);
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path series : s) {
                String name = series.getFileName().toString();
                if (Files.isDirectory(series) && Uids.valid(name)) {
                    int n = instances(series).size();
                    if (n > 0) {
                        out.put(name, n);
                    }
                }
            }
        }
        return out;
    }

    /** The stored instance files of one series folder, sorted by name. */
    static List<Path> instances(Path seriesDir) throws IOException {
        try (Stream<Path> s = Files.list(seriesDir)) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(SUFFIX) && Uids.valid(n.substring(0, n.length() - SUFFIX.length()))
                        && Files.isRegularFile(p);
            }).sorted().toList();
        }
    }

    /** UIDs of the stored studies (folders with a valid UID name), sorted. */
    List<String> studyUids() throws IOException {
        List<String> out = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(studies)) {
            for (Path p : s) {
                String n = p.getFileName().toString();
                if (Files.isDirectory(p) && Uids.valid(n)) {
                    out.add(n);
                }
            }
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    private static void clear(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
