package org.raddiag.dataset.phantom.internal;

import org.raddiag.api.data.Modality;

/**
 * One image file to write: its number (file name {@code data/<id>.npy}), modality, view, contrast and shape
 * (rows x columns x slices; a radiograph has 3 identical slices, as RP3D stores 2-D images).
 */
record ImagePlan(int number, Modality modality, View view, Contrast contrast, int height, int width, int depth) {
    String id() {
        return String.format(java.util.Locale.ROOT, "%06d", number);
    }

    String dataPath() {
        return "data/" + id() + ".npy";
    }

    String keyPath() {
        return "key/" + id() + ".npy";
    }

    String niftiPath() {
        return "nifti/" + id() + ".nii.gz";
    }

    /** Centre coordinate of index {@code i} of {@code n} samples spanning [-1, 1]. */
    static double coordinate(int i, int n) {
        return -1 + (i + 0.5) * 2.0 / n;
    }
}
