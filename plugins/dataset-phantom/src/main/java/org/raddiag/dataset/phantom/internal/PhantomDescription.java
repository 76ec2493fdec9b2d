package org.raddiag.dataset.phantom.internal;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.raddiag.api.data.LabelSet;
import org.raddiag.api.train.DatasetSource.Split;

/**
 * A generated phantom dataset on disk: its folder, the spec it was made from, its label set, case and image counts
 * and the positive count of every class per split. {@link #generated()} is false when an existing complete dataset
 * with the same settings was found and kept.
 */
public final class PhantomDescription {
    /** Manifest written last; its presence marks the folder complete. */
    public static final String MANIFEST = "dataset.json";
    /** Label dictionary: name to index, "Normal" first, then by descending frequency. */
    public static final String LABEL_DICT = "label_dict.json";
    /** RP3D case file of the NIfTI copies of a few test cases. */
    public static final String NIFTI_CASES = "nifti.json";

    private final Path folder;
    private final PhantomSpec spec;
    private final LabelSet labels;
    private final Map<Split, int[]> classCounts;
    private final Map<Split, Integer> caseCounts;
    private final int imageCount;
    private final boolean generated;
    private final long millis;

    public PhantomDescription(Path folder, PhantomSpec spec, LabelSet labels, Map<Split, Integer> caseCounts,
            Map<Split, int[]> classCounts, int imageCount, boolean generated, long millis) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.spec = Objects.requireNonNull(spec, "spec");
        this.labels = Objects.requireNonNull(labels, "labels");
        this.caseCounts = new EnumMap<>(caseCounts);
        this.classCounts = new EnumMap<>(Split.class);
        classCounts.forEach((k, v) -> this.classCounts.put(k, v.clone()));
        this.imageCount = imageCount;
        this.generated = generated;
        this.millis = millis;
    }

    /** RP3D case file name of a split: {@code train.json}, {@code valid.json}, {@code test.json}. */
    public static String caseFileName(Split split) {
        switch (split) {
            case TRAIN: return "train.json";
            case VALIDATION: return "valid.json";
            default: return "test.json";
        }
    }

    public Path folder() {
        return folder;
    }

    public Path caseFile(Split split) {
        return folder.resolve(caseFileName(split));
    }

    public PhantomSpec spec() {
        return spec;
    }

    public LabelSet labels() {
        return labels;
    }

    public int caseCount(Split split) {
        return caseCounts.getOrDefault(split, 0);
    }

    /** Cases of {@code split} that carry each label, indexed like {@link #labels()}. */
    public int[] classCounts(Split split) {
        int[] c = classCounts.get(split);
        return c == null ? new int[labels.size()] : c.clone();
    }

    /** Image files ({@code data/*.npy}) of all splits. */
    public int imageCount() {
        return imageCount;
    }

    /** Whether this call wrote the dataset (false: a complete one with the same settings was kept). */
    public boolean generated() {
        return generated;
    }

    /** Wall time of the call in milliseconds. */
    public long millis() {
        return millis;
    }

    @Override
    public String toString() {
        return "PhantomDescription[" + folder + ", train/valid/test " + caseCount(Split.TRAIN) + "/"
                + caseCount(Split.VALIDATION) + "/" + caseCount(Split.TEST) + " cases, " + imageCount + " images, "
                + labels.size() + " labels, " + (generated ? "generated" : "kept") + " in " + millis + " ms]";
    }
}
