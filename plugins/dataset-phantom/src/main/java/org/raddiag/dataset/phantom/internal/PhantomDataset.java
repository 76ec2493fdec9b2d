package org.raddiag.dataset.phantom.internal;

import java.io.IOException;
import java.nio.file.Path;
import org.raddiag.api.data.LabelSet;

/**
 * Entry point for commands and tests: generates a phantom dataset in the RP3D layout.
 *
 * <pre>
 * folder/
 *   train.json valid.json test.json   RP3D case files (image paths relative to folder)
 *   label_dict.json                   name -&gt; index, "Normal" = 0, then by descending frequency
 *   data/NNNNNN.npy                   float32 (H, W, D), Fortran order; X-ray (H, W, 3) with equal channels
 *   key/NNNNNN.npy                    int64 (1,): key slice (lesion centre)
 *   nifti.json, nifti/NNNNNN.nii.gz   NIfTI-1 copies of the first few test cases
 *   dataset.json                      manifest, written last: settings, labels, counts, file inventory
 * </pre>
 */
public final class PhantomDataset {
    private PhantomDataset() {
    }

    /**
     * Writes the dataset of {@code spec} into {@code folder}, or keeps what is there when its manifest matches the
     * settings and its files are intact. An incomplete or different dataset is removed first (only files this
     * generator writes; other files in the folder are kept). Safe against concurrent calls on one folder.
     *
     * @throws IOException when the folder cannot be written
     */
    public static PhantomDescription generate(PhantomSpec spec, Path folder) throws IOException {
        return Generator.generate(spec, folder);
    }

    /** The label set a dataset of {@code spec} uses (known without generating it). */
    public static LabelSet labels(PhantomSpec spec) {
        return Generator.labels(spec);
    }
}
