/**
 * Synthetic radiology phantoms for training and demos: {@link org.raddiag.dataset.phantom.PhantomDataset#generate}
 * writes a seeded, long-tailed, multi-label dataset of CT, MRI and X-ray cases in the RP3D layout
 * ({@code train.json}, {@code valid.json}, {@code test.json}, {@code label_dict.json}, {@code data/}, {@code key/})
 * and marks it complete with a {@code dataset.json} manifest written last.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.raddiag.dataset.phantom;
