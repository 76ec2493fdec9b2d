package org.raddiag.dataset.phantom.internal;

import java.util.List;
import org.raddiag.api.data.Modality;

/** One case to write: identifier, labels (empty = Normal), samples of images, and its anatomy with findings. */
final class CasePlan {
    /** A sample: the images of one modality. */
    static final class SamplePlan {
        final Modality modality;
        final List<ImagePlan> images;

        SamplePlan(Modality modality, List<ImagePlan> images) {
            this.modality = modality;
            this.images = List.copyOf(images);
        }
    }

    final String id;
    final List<String> labels;
    final List<SamplePlan> samples;
    final Anatomy anatomy;
    final List<Finding> findings;
    final long textureSeed;

    CasePlan(String id, List<String> labels, List<SamplePlan> samples, Anatomy anatomy, List<Finding> findings,
            long textureSeed) {
        this.id = id;
        this.labels = List.copyOf(labels);
        this.samples = List.copyOf(samples);
        this.anatomy = anatomy;
        this.findings = List.copyOf(findings);
        this.textureSeed = textureSeed;
    }

    /** The scene of this case as {@code m} shows it: organs plus the findings visible in {@code m}. */
    Scene scene(Modality m) {
        List<Ellipsoid> shapes = new java.util.ArrayList<>(anatomy.shapes());
        for (Finding f : findings) {
            if (f.disorder.visibleIn(m)) {
                shapes.addAll(f.shapes);
            }
        }
        return new Scene(shapes, new Texture(textureSeed));
    }

    /**
     * Key slice of an image: the slice through the centre of the first finding the image shows, else the middle
     * slice; 0 for a radiograph.
     */
    int keySlice(ImagePlan image) {
        if (image.view().projection) {
            return 0;
        }
        for (Finding f : findings) {
            if (f.disorder.visibleIn(image.modality())) {
                double c = f.centre[image.view().depthAxis];
                int k = (int) Math.floor((c + 1) / 2 * image.depth());
                return Math.max(0, Math.min(image.depth() - 1, k));
            }
        }
        return image.depth() / 2;
    }
}
