package org.raddiag.core.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.raddiag.api.model.ModelDraft;
import org.raddiag.api.model.ModelPackage;
import org.raddiag.api.model.ModelRef;
import org.raddiag.checkpoint.SafetensorsFile;
import org.raddiag.api.model.ModelRegistry;
import org.raddiag.support.files.DurableFiles;
import org.raddiag.support.home.RaddiagHome;

/**
 * Model registry on a folder: installed packages are unpacked under {@code <folder>/<name>/<version>/}.
 * {@link #install} copies or unzips into a hidden staging folder, verifies it with {@link ModelPackageReader} and
 * renames it into place atomically; an installed version is never overwritten. {@link #find} without a version
 * takes the highest semantic version (semver.org precedence, pre-releases included). Found packages are verified
 * (checksum included) once and cached until their files change; a package that no longer verifies makes
 * {@code find} throw an {@link UncheckedIOException} naming it and the difference.
 */
@Component(service = ModelRegistry.class, configurationPid = "org.raddiag.registry")
@Designate(ocd = RegistryConfig.class)
public final class FileModelRegistry implements ModelRegistry {
    private final Map<Path, Cached> verified = new ConcurrentHashMap<>();
    private volatile Path root;

    /** For DS. */
    public FileModelRegistry() {
    }

    /** A registry on {@code root}, outside OSGi (tools, tests). */
    public FileModelRegistry(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Activate
    @Modified
    void configure(RegistryConfig config) {
        root = resolveFolder(config.folder(), RaddiagHome.current());
        verified.clear();
    }

    /** {@code folder} if set, else the home's {@code models/}. */
    static Path resolveFolder(String folder, RaddiagHome home) {
        Path p = folder != null && !folder.isBlank() ? Paths.get(folder.trim()) : home.models();
        return p.toAbsolutePath().normalize();
    }

    /** The registry folder. */
    public Path folder() {
        return root;
    }

    @Override
    public List<ModelRef> list() {
        List<ModelRef> out = new ArrayList<>();
        for (Path nameDir : children(root)) {
            for (Path versionDir : children(nameDir)) {
                if (isPackage(versionDir)) {
                    out.add(new ModelRef(nameDir.getFileName().toString(), versionDir.getFileName().toString()));
                }
            }
        }
        out.sort(Comparator.comparing(ModelRef::name)
                .thenComparing(r -> SemVer.parse(r.version())));
        return out;
    }

    @Override
    public Optional<ModelPackage> find(ModelRef ref) {
        Objects.requireNonNull(ref, "ref");
        if (!isSafeName(ref.name())) {
            return Optional.empty();
        }
        String version = ref.version();
        if (version == null) {
            Optional<SemVer> newest = children(root.resolve(ref.name())).stream()
                    .filter(FileModelRegistry::isPackage)
                    .map(d -> SemVer.parse(d.getFileName().toString())).max(Comparator.naturalOrder());
            if (newest.isEmpty()) {
                return Optional.empty();
            }
            version = newest.get().toString();
        }
        if (!SemVer.isValid(version)) {
            return Optional.empty();
        }
        Path dir = root.resolve(ref.name()).resolve(version);
        if (!Files.isRegularFile(dir.resolve(PackageManifest.MANIFEST))) {
            return Optional.empty();
        }
        try {
            return Optional.of(verifiedPackage(dir, new ModelRef(ref.name(), version)));
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    @Override
    public ModelRef install(Path packagePath) throws IOException {
        if (!Files.exists(packagePath)) {
            throw new IOException("model package " + packagePath + " does not exist");
        }
        DurableFiles.createDirectories(root);
        Path staging = Files.createTempDirectory(root, ".install-");
        try {
            Path pkg;
            if (Files.isDirectory(packagePath)) {
                PackageFiles.copyTree(packagePath, staging);
                pkg = staging;
            } else {
                pkg = ModelPackageReader.unpack(packagePath, staging);
            }
            PackageManifest m = ModelPackageReader.read(pkg).manifest();
            ModelRef ref = new ModelRef(m.name(), m.version());
            Path target = root.resolve(m.name()).resolve(m.version());
            if (Files.exists(target)) {
                throw new IOException("model " + ref + " is already installed in " + target
                        + "; versions are immutable, give the package a new version");
            }
            DurableFiles.createDirectories(target.getParent());
            DurableFiles.move(pkg, target, DurableFiles.Existing.REFUSE);
            return ref;
        } finally {
            DurableFiles.deleteTree(staging);
        }
    }

    @Override
    public ModelRef create(ModelDraft draft) throws IOException {
        Files.createDirectories(root);
        Path staging = Files.createTempDirectory(root, ".create-");
        try {
            Path pkg = staging.resolve("package");
            PackageSpec spec = new PackageSpec(draft.ref().name(), draft.ref().version(), draft.architecture(),
                    PackageSpec.inputOf(draft.architecture()), draft.labels(), draft.thresholds(), draft.provenance());
            ModelPackageWriter.writeFolder(pkg, spec, SafetensorsFile.read(draft.weights()), draft.files());
            return install(pkg);
        } catch (IllegalArgumentException e) {
            throw new IOException("model " + draft.ref() + ": " + e.getMessage(), e);
        } finally {
            DurableFiles.deleteTree(staging);
        }
    }

    private ModelPackage verifiedPackage(Path dir, ModelRef ref) throws IOException {
        String stamp = stamp(dir);
        Cached c = verified.get(dir);
        if (c != null && c.stamp.equals(stamp)) {
            return c.pkg;
        }
        VerifiedPackage p = ModelPackageReader.read(dir);
        if (!p.ref().equals(ref)) {
            throw new IOException("model package " + dir + " declares " + p.ref() + " but is installed as " + ref);
        }
        verified.put(dir, new Cached(stamp, p));
        return p;
    }

    /** Sizes and modification times of the package's files: a change means verify again. */
    private static String stamp(Path dir) throws IOException {
        StringBuilder s = new StringBuilder();
        for (Path f : children(dir)) {
            BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
            s.append(f.getFileName()).append(':').append(a.size()).append(':').append(a.lastModifiedTime())
                    .append(';');
        }
        return s.toString();
    }

    private static boolean isSafeName(String name) {
        return !name.startsWith(".");
    }

    /** A folder {@code <name>/<semver>/} holding a {@code model.json}. */
    private static boolean isPackage(Path versionDir) {
        String name = versionDir.getParent().getFileName().toString();
        return SemVer.isValid(versionDir.getFileName().toString()) && name.matches("[A-Za-z0-9._-]+")
                && isSafeName(name) && Files.isRegularFile(versionDir.resolve(PackageManifest.MANIFEST));
    }

    /** Non-hidden entries of {@code dir} (none if it does not exist), sorted by name. */
    private static List<Path> children(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private record Cached(String stamp, VerifiedPackage pkg) {
    }
}
