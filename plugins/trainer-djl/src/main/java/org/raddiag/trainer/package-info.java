/**
 * RadNet training on DJL: {@link org.raddiag.trainer.DjlTraining} (plain-Java entry point of the {@code train}
 * command), its settings ({@link org.raddiag.trainer.TrainingSpec}), the data path ({@link
 * org.raddiag.trainer.CaseEncoder}), the terminal progress listener and the zero-shot label mapping.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.raddiag.trainer;
