package org.raddiag.core.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.raddiag.api.data.LabelSet;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.api.model.ModelRef;
import org.raddiag.checkpoint.SafetensorsFile;
import org.raddiag.support.files.DurableFiles;
import org.raddiag.support.files.ScratchFolders;

/**
 * Reads and verifies a model package without an inference engine: the {@code model.json} schema (format version,
 * name, semantic version, architecture, input spec, labels, thresholds, provenance, weights), the SHA-256 of the
 * weights, label count = {@code classes} of the architecture, head + medium + tail = label count, one finite
 * threshold in [0, 1] per class, input spec = the architecture's {@code image_size}/{@code depth}/{@code slots}
 * where it sets them, and a well-formed safetensors header. Whether the tensor <em>shapes</em> fit the architecture
 * is checked when a runner builds the network (model bundle); nothing here knows the network.
 * Every refusal is an {@link IOException} naming the package and what differs.
 */
public final class ModelPackageReader {
    private ModelPackageReader() {
    }

    /** Verifies the package folder {@code folder}. */
    public static VerifiedPackage read(Path folder) throws IOException {
        String pkg = "model package " + folder;
        Path manifestFile = folder.resolve(PackageManifest.MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            throw new IOException(pkg + ": no " + PackageManifest.MANIFEST);
        }
        PackageManifest m;
        try {
            m = ManifestJson.parse(Files.readString(manifestFile, StandardCharsets.UTF_8));
            new ModelRef(m.name(), m.version());
            SemVer.parse(m.version());
        } catch (IllegalArgumentException e) {
            throw new IOException(pkg + ": " + e.getMessage(), e);
        }
        pkg = "model package " + m.id() + " (" + folder + ")";
        try {
            return verify(folder, m, pkg);
        } catch (IllegalArgumentException e) {
            throw new IOException(pkg + ": " + e.getMessage(), e);
        }
    }

    /** Verifies a package folder or zip; a zip is unpacked to a temporary folder that is removed afterwards. */
    public static PackageManifest verify(Path folderOrZip) throws IOException {
        if (Files.isDirectory(folderOrZip)) {
            return read(folderOrZip).manifest();
        }
        Path tmp = ScratchFolders.create("raddiag-package-");
        try {
            return read(unpack(folderOrZip, tmp)).manifest();
        } finally {
            DurableFiles.deleteTree(tmp);
        }
    }

    /**
     * Unpacks the zip {@code zip} into {@code dir} and returns the package folder: {@code dir} itself, or the single
     * top folder of the zip when {@code model.json} lies in one.
     */
    static Path unpack(Path zip, Path dir) throws IOException {
        PackageFiles.unzip(zip, dir);
        if (Files.exists(dir.resolve(PackageManifest.MANIFEST))) {
            return dir;
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> top = s.toList();
            if (top.size() == 1 && Files.isRegularFile(top.get(0).resolve(PackageManifest.MANIFEST))) {
                return top.get(0);
            }
        }
        throw new IOException("model package " + zip + ": no " + PackageManifest.MANIFEST
                + " at the top of the zip or in its single top folder");
    }

    private static VerifiedPackage verify(Path folder, PackageManifest m, String pkg) throws IOException {
        ArchitectureConfig arch = new ArchitectureConfig(m.architecture());
        int classes = arch.getInt(ArchitectureConfig.CLASSES);
        checkInputAgainstArchitecture(m.input(), arch);

        Path weights = folder.resolve(m.weightsFile());
        if (!Files.isRegularFile(weights)) {
            throw new IOException(pkg + ": weights file " + m.weightsFile() + " is missing");
        }
        String actual = RecordedChecksum.sha256(weights);
        if (!actual.equals(m.weightsSha256())) {
            throw new IOException(pkg + ": weights checksum mismatch: model.json says sha256 " + m.weightsSha256()
                    + " but " + m.weightsFile() + " has " + actual + " (file changed or corrupt)");
        }
        SafetensorsFile.readInfo(weights);

        List<String> labels = readLines(folder, m.labelsFile(), pkg);
        if (labels.size() != classes) {
            throw new IOException(pkg + ": " + m.labelsFile() + " has " + labels.size() + " labels but the "
                    + "architecture has " + classes + " classes");
        }
        if (m.head() < 0 || m.medium() < 0 || m.tail() < 0 || m.head() + m.medium() + m.tail() != classes) {
            throw new IOException(pkg + ": labels head " + m.head() + " + medium " + m.medium() + " + tail "
                    + m.tail() + " must be the " + classes + " classes");
        }
        LabelSet set = new LabelSet(m.labelSetName(), labels, m.head(), m.medium());

        double[] thresholds = m.thresholdsFile() == null ? m.thresholds()
                : parseThresholds(readLines(folder, m.thresholdsFile(), pkg), m.thresholdsFile());
        if (thresholds.length != classes) {
            throw new IOException(pkg + ": " + thresholds.length + " thresholds but the architecture has " + classes
                    + " classes");
        }
        for (int i = 0; i < thresholds.length; i++) {
            if (!(thresholds[i] >= 0 && thresholds[i] <= 1)) {
                throw new IOException(pkg + ": threshold " + i + " (" + labels.get(i) + ") is " + thresholds[i]
                        + ", not in [0, 1]");
            }
        }
        PackageManifest full = new PackageManifest(m.formatVersion(), m.name(), m.version(), m.architecture(),
                m.input(), m.labelSetName(), m.labelsFile(), m.head(), m.medium(), m.tail(), m.thresholdsFile(),
                thresholds, m.provenance(), m.weightsFile(), m.weightsSha256());
        return new VerifiedPackage(folder, full, set);
    }

    private static void checkInputAgainstArchitecture(InputSpec in, ArchitectureConfig arch) {
        check(arch, ArchitectureConfig.IMAGE_SIZE, in.imageSize());
        check(arch, ArchitectureConfig.DEPTH, in.depth());
        check(arch, ArchitectureConfig.SLOTS, in.slots());
    }

    private static void check(ArchitectureConfig arch, String key, int value) {
        String v = arch.get(key, null);
        if (v != null && arch.getInt(key) != value) {
            throw new IllegalArgumentException("input." + key + " is " + value + " but architecture." + key + " is "
                    + v);
        }
    }

    private static List<String> readLines(Path folder, String name, String pkg) throws IOException {
        Path f = folder.resolve(name);
        if (!Files.isRegularFile(f)) {
            throw new IOException(pkg + ": " + name + " is missing");
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(f, StandardCharsets.UTF_8));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static double[] parseThresholds(List<String> lines, String name) {
        double[] t = new double[lines.size()];
        for (int i = 0; i < t.length; i++) {
            try {
                t[i] = Double.parseDouble(lines.get(i).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " line " + (i + 1) + " is not a number: '" + lines.get(i)
                        + "'", e);
            }
        }
        return t;
    }
}
