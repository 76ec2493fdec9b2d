package org.raddiag.dataset.phantom.internal;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.raddiag.api.data.LabelSet;
import org.raddiag.api.train.DatasetSource.Split;

/**
 * A generated phantom dataset on disk: its folder, the spec it was made from, its label set, case and image counts
 * and the positive count of every class per split. {@link #generated()} is false when an existing complete dataset
 * with the same settings was found and kept.
 *
 * @param caseCounts  cases per split
 * @param classCounts cases of each split that carry each label, indexed like {@link #labels()}
 * @param imageCount  image files ({@code data/*.npy}) of all splits
 * @param generated   whether this call wrote the dataset (false: a complete one with the same settings was kept)
 * @param millis      wall time of the call in milliseconds
 */
public record PhantomDescription(Path folder, PhantomSpec spec, LabelSet labels, Map<Split, Integer> caseCounts,
        Map<Split, int[]> classCounts, int imageCount, boolean generated, long millis) {
    /** Manifest written last; its presence marks the folder complete. */
    public static final String MANIFEST = "dataset.json";
    /** Label dictionary: name to index, "Normal" first, then by descending frequency. */
    public static final String LABEL_DICT = "label_dict.json";
    /** RP3D case file of the NIfTI copies of a few test cases. */
    public static final String NIFTI_CASES = "nifti.json";

    public PhantomDescription {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(labels, "labels");
        caseCounts = Collections.unmodifiableMap(new EnumMap<>(caseCounts));
        Map<Split, int[]> counts = new EnumMap<>(Split.class);
        classCounts.forEach((k, v) -> counts.put(k, v.clone()));
        classCounts = Collections.unmodifiableMap(counts);
    }

    /** RP3D case file name of a split: {@code train.json}, {@code valid.json}, {@code test.json}. */
    public static String caseFileName(Split split) {
        switch (split) {
            case TRAIN: return "train.json";
            case VALIDATION: return "valid.json";
            default: return "test.json";
        }
    }

    public Path caseFile(Split split) {
        return folder.resolve(caseFileName(split));
    }

    public int caseCount(Split split) {
        return caseCounts.getOrDefault(split, 0);
    }

    /** Cases of {@code split} that carry each label, indexed like {@link #labels()}. */
    public int[] classCounts(Split split) {
        int[] c = classCounts.get(split);
        return c == null ? new int[labels.size()] : c.clone();
    }

    @Override
    public String toString() {
        return "PhantomDescription[" + folder + ", train/valid/test " + caseCount(Split.TRAIN) + "/"
                + caseCount(Split.VALIDATION) + "/" + caseCount(Split.TEST) + " cases, " + imageCount + " images, "
                + labels.size() + " labels, " + (generated ? "generated" : "kept") + " in " + millis + " ms]";
    }
}
