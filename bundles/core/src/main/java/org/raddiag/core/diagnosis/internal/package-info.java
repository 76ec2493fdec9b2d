/**
 * Micro-batching of forward passes: concurrent diagnoses of the same model on the same backend share one forward
 * pass (implementation only, not exported).
 */
package org.raddiag.core.diagnosis.internal;
