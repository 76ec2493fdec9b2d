package org.raddiag.core.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.raddiag.checkpoint.SafetensorsFile;
import org.raddiag.checkpoint.StateDict;
import org.raddiag.support.files.DurableFiles;

/**
 * Writes a model package atomically, as a folder ({@code model.json}, {@code weights.safetensors},
 * {@code labels.txt}, {@code thresholds.txt}) or as a zip of those files. Everything is written to a temporary
 * sibling of the target, verified with {@link ModelPackageReader}, then renamed into place with an atomic move,
 * so readers never see a half-written package. The target must not exist.
 */
public final class ModelPackageWriter {
    private ModelPackageWriter() {
    }

    /** Writes {@code spec} with {@code weights} as the package folder {@code target}. */
    public static VerifiedPackage writeFolder(Path target, PackageSpec spec, StateDict weights) throws IOException {
        return writeFolder(target, spec, weights, Map.of());
    }

    /**
     * {@link #writeFolder(Path, PackageSpec, StateDict)} with further files that components read relative to the
     * package (name in the package -> file to copy), e.g. the knowledge head's label embeddings.
     */
    public static VerifiedPackage writeFolder(Path target, PackageSpec spec, StateDict weights, Map<String, Path> files)
            throws IOException {
        DurableFiles.publishFolder(target, tmp -> {
            write(tmp, spec, weights);
            for (Map.Entry<String, Path> f : files.entrySet()) {
                if (PackageManifest.isStandardFile(f.getKey())) {
                    throw new IllegalArgumentException("package file " + f.getKey() + " is written by the registry");
                }
                Files.copy(f.getValue(), tmp.resolve(f.getKey()));
            }
            ModelPackageReader.read(tmp);
        });
        return ModelPackageReader.read(target);
    }

    /** Writes {@code spec} with {@code weights} as the package zip {@code target}. */
    public static PackageManifest writeZip(Path target, PackageSpec spec, StateDict weights) throws IOException {
        Path tmp = staging(target);
        Path zip = tmp.resolveSibling(tmp.getFileName() + ".zip");
        try {
            write(tmp, spec, weights);
            PackageManifest m = ModelPackageReader.read(tmp).manifest();
            PackageFiles.zipFlat(tmp, zip);
            DurableFiles.move(zip, target, DurableFiles.Existing.REFUSE);
            return m;
        } finally {
            DurableFiles.deleteTree(tmp);
            Files.deleteIfExists(zip);
        }
    }

    private static Path staging(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        if (Files.exists(abs)) {
            throw new FileAlreadyExistsException(abs.toString(), null, "model package target exists");
        }
        DurableFiles.createDirectories(abs.getParent());
        return Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + "-");
    }

    private static void write(Path dir, PackageSpec spec, StateDict weights) throws IOException {
        for (String label : spec.labels().labels()) {
            if (label.isBlank() || label.contains("\n") || label.contains("\r")) {
                throw new IllegalArgumentException("label '" + label + "' cannot be written one per line");
            }
        }
        Path w = dir.resolve(PackageManifest.WEIGHTS);
        SafetensorsFile.write(w, weights, Map.of("format", "pt"));
        Files.write(dir.resolve(PackageManifest.LABELS), spec.labels().labels(), StandardCharsets.UTF_8);
        StringBuilder t = new StringBuilder();
        for (double v : spec.thresholds()) {
            t.append(v).append('\n');
        }
        Files.writeString(dir.resolve(PackageManifest.THRESHOLDS), t, StandardCharsets.UTF_8);
        int head = spec.labels().headEnd();
        int medium = spec.labels().mediumEnd() - head;
        PackageManifest m = new PackageManifest(PackageManifest.FORMAT_VERSION, spec.name(), spec.version(),
                spec.architecture().asMap(), spec.input(), spec.labels().name(), PackageManifest.LABELS, head, medium,
                spec.labels().size() - head - medium, PackageManifest.THRESHOLDS, spec.thresholds(),
                spec.provenance(), PackageManifest.WEIGHTS, PackageFiles.sha256(w));
        Files.writeString(dir.resolve(PackageManifest.MANIFEST), ManifestJson.write(m), StandardCharsets.UTF_8);
    }
}
