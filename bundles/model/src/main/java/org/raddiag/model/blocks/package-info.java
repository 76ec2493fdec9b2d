/**
 * DJL blocks with the exact semantics of the RadDiag reference (RP3D-Diag) that several plugins share: its LayerNorm,
 * BatchNorm, exact GELU, multi-head attention, encoder layer quirks, {@code Attention1D} depth pooling, {@code vitFuse}
 * case fusion and the RadNet assembly (from any backbone and head block; empty slots and padded slices skipped), plus
 * strict state-dict loading by the reference key names. Backbones and heads (ResNet, MLP, ViT, ...) live in their
 * plugins.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("4.2.0")
package org.raddiag.model.blocks;
