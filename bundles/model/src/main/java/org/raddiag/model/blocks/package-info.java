/**
 * DJL blocks with the exact semantics of the RadDiag reference (RP3D-Diag): its LayerNorm, multi-head attention,
 * encoder layer quirks, {@code Attention1D} depth pooling, {@code vitFuse} case fusion, the MLP head, the 2-D ResNet
 * slice encoder and the RadNet assembly (from any backbone and head block; empty slots and padded slices skipped),
 * plus strict state-dict loading by the reference key names.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package org.raddiag.model.blocks;
