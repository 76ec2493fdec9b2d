package org.raddiag.api.model;

/**
 * A 2-D slice backbone (ResNet, ViT, ...): RadNet runs it on every valid slice of every scan, then pools the slice
 * features over depth. Registered with {@code raddiag.kind=backbone} and {@code raddiag.backbone=<name>};
 * hot-swappable.
 *
 * <p>Contract of the block {@link #build} returns for RadNet (any engine):
 * <ul>
 * <li>input {@code (N, 3, H, W)} float: N slices, each the single-channel slice (min-max normalised to [0, 1])
 *     repeated 3 times, H = W = the architecture's {@code image_size};</li>
 * <li>output {@code (N, F)} with F = {@link #featureWidth}; RadNet adds a {@code projection} Linear(F, hidden) only
 *     when F differs from {@code hidden};</li>
 * <li>its parameters are named under {@value #STATE_DICT_PREFIX}{@code .} in the model's state dict, whatever the
 *     backbone (the reference's attribute name), so packages of any backbone share one layout;</li>
 * <li>it may be run on any subset of slices, in chunks: each slice's feature depends on that slice only (in eval
 *     mode).</li>
 * </ul>
 */
public interface SliceBackbone extends ModelComponent {
    /** State-dict prefix (without the dot) of every backbone's parameters. */
    String STATE_DICT_PREFIX = "resnet2D";

    /** Width F of the per-slice feature the backbone emits before projection to the hidden width. */
    int featureWidth(ArchitectureConfig config);
}
