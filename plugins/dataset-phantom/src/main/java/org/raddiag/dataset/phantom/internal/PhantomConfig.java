package org.raddiag.dataset.phantom.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the phantom dataset (PID {@code org.raddiag.dataset.phantom}). */
@ObjectClassDefinition(name = "RadDiag phantom dataset")
public @interface PhantomConfig {
    @AttributeDefinition(description = "Dataset folder; empty: work/phantom in the RadDiag home (RADDIAG_HOME, "
            + "default ~/.raddiag); relative paths resolve against the working directory.")
    String folder() default "";

    @AttributeDefinition(description = "Random seed; the same settings always give the same files.")
    long seed() default 42;

    @AttributeDefinition(description = "Training cases.")
    int trainCases() default 600;

    @AttributeDefinition(description = "Validation cases.")
    int validCases() default 100;

    @AttributeDefinition(description = "Test cases.")
    int testCases() default 200;

    @AttributeDefinition(description = "Image width and height in pixels.")
    int size() default 64;

    @AttributeDefinition(description = "Fewest slices of a CT or MRI volume.")
    int minSlices() default 8;

    @AttributeDefinition(description = "Most slices of a CT or MRI volume.")
    int maxSlices() default 16;

    @AttributeDefinition(description = "Classes including Normal (2..30).")
    int labelCount() default 30;

    @AttributeDefinition(description = "Head classes (most frequent, including Normal).")
    int headCount() default 6;

    @AttributeDefinition(description = "Medium classes.")
    int mediumCount() default 12;

    @AttributeDefinition(description = "Test cases also written as NIfTI-1 (nifti.json).")
    int niftiCases() default 2;
}
