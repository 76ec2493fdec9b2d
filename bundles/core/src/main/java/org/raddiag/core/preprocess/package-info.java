/** From cases to model input tensors, exactly as the reference early-fusion dataset builds them. */
package org.raddiag.core.preprocess;
