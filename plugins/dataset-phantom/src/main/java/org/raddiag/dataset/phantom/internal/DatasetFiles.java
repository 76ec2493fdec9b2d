package org.raddiag.dataset.phantom.internal;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.raddiag.api.train.DatasetSource.Split;
import org.raddiag.support.files.DurableFiles;

/**
 * The files a phantom dataset consists of: what the manifest records about them (sizes of the top-level files,
 * count and bytes per folder), checking them against the folder, and removing them before a fresh run (the
 * manifest first, so that a half-cleaned folder never looks complete). Other files in the folder are left alone.
 */
final class DatasetFiles {
    static final List<String> FOLDERS = List.of("data", "key", "nifti");
    private static final List<String> SUFFIXES = List.of(".npy", ".nii.gz", DurableFiles.TEMP_SUFFIX);

    private DatasetFiles() {
    }

    static List<String> topLevel() {
        return List.of(PhantomDescription.caseFileName(Split.TRAIN), PhantomDescription.caseFileName(Split.VALIDATION),
                PhantomDescription.caseFileName(Split.TEST), PhantomDescription.LABEL_DICT,
                PhantomDescription.NIFTI_CASES);
    }

    /** Sizes of what is in {@code folder} now. */
    static JsonObject inventory(Path folder) throws IOException {
        JsonObject o = new JsonObject();
        for (String f : topLevel()) {
            Path p = folder.resolve(f);
            o.addProperty(f, Files.isRegularFile(p) ? Files.size(p) : -1);
        }
        for (String d : FOLDERS) {
            long count = 0;
            long bytes = 0;
            Path dir = folder.resolve(d);
            if (Files.isDirectory(dir)) {
                try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
                    for (Path p : s) {
                        if (Files.isRegularFile(p)) {
                            count++;
                            bytes += Files.size(p);
                        }
                    }
                }
            }
            JsonObject fo = new JsonObject();
            fo.addProperty("count", count);
            fo.addProperty("bytes", bytes);
            o.add(d + "/", fo);
        }
        return o;
    }

    /** Removes the manifest, then every dataset file and leftover temporary file. */
    static void clean(Path folder) throws IOException {
        Files.deleteIfExists(folder.resolve(PhantomDescription.MANIFEST));
        for (String f : topLevel()) {
            Files.deleteIfExists(folder.resolve(f));
        }
        delete(folder, List.of(DurableFiles.TEMP_SUFFIX));
        for (String d : FOLDERS) {
            Path dir = folder.resolve(d);
            if (Files.isDirectory(dir)) {
                delete(dir, SUFFIXES);
            }
        }
    }

    /** Deletes the regular files of {@code dir} whose names end with one of {@code suffixes}. */
    private static void delete(Path dir, List<String> suffixes) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                String n = p.getFileName().toString();
                if (Files.isRegularFile(p) && suffixes.stream().anyMatch(n::endsWith)) {
                    Files.delete(p);
                }
            }
        }
    }
}
