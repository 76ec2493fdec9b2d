package org.raddiag.core.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** File helpers for packages: SHA-256, recursive copy, safe unzip, flat zip (durable renames: {@code DurableFiles}). */
final class PackageFiles {
    private PackageFiles() {
    }

    /** Lower-case hex SHA-256 of {@code file}. */
    static String sha256(Path file) throws IOException {
        return org.raddiag.checkpoint.Checksums.sha256(file);
    }

    /** Copies the regular files and folders under {@code from} into the existing folder {@code to}. */
    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else if (Files.isRegularFile(p)) {
                    Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Unpacks {@code zip} into the existing folder {@code to}; entries that would land outside it are refused. */
    static void unzip(Path zip, Path to) throws IOException {
        Path root = to.toAbsolutePath().normalize();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Path dest = root.resolve(e.getName()).normalize();
                if (!dest.startsWith(root) || dest.equals(root)) {
                    throw new IOException(zip + ": entry '" + e.getName() + "' points outside the package");
                }
                if (e.isDirectory()) {
                    Files.createDirectories(dest);
                } else {
                    Files.createDirectories(dest.getParent());
                    Files.copy(in, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Writes the regular, non-hidden files directly in {@code dir} to the zip {@code target} (no folders). */
    static void zipFlat(Path dir, Path target) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target));
                Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                if (Files.isRegularFile(f) && !f.getFileName().toString().startsWith(".")) {
                    out.putNextEntry(new ZipEntry(f.getFileName().toString()));
                    Files.copy(f, out);
                    out.closeEntry();
                }
            }
        }
    }
}
