package org.raddiag.model.blocks;

import org.raddiag.api.model.ArchitectureConfig;

/**
 * Sizes of a {@link RadNet}. {@link #reference()} is the published checkpoint
 * {@code RP3D_5569_res_ART_256_32_BCE_T_4_2_0.7_2048_E_F_F_F_N}.
 *
 * @param resnetLayers 18, 34 or 50 for the {@code resnet18|34|50} backbones, 0 for any other (informational: the
 *     backbone block comes from its plugin)
 * @param depth slices per scan D
 * @param hidden feature width; a {@code projection} Linear is added when it differs from the backbone's width
 * @param classes number of logits
 * @param modalities size of the modality-code table
 * @param poolHeads heads of Attention1D
 * @param poolLayers layers of Attention1D
 * @param fusionHeads heads of vitFuse
 * @param fusionLayers layers of vitFuse
 * @param earlyFusion true: vitFuse over slots; false ("late"): one scan per case, no fusion module
 */
public record RadNetConfig(int resnetLayers, int depth, int hidden, int classes, int modalities, int poolHeads,
        int poolLayers, int fusionHeads, int fusionLayers, boolean earlyFusion) {

    public static RadNetConfig reference() {
        return new RadNetConfig(50, 32, 2048, 5569, 16, 1, 1, 4, 2, true);
    }

    /**
     * From the API's settings: {@code backbone}, {@code depth}, {@code hidden}, {@code classes}, {@code fusion}
     * ({@code early|late}); heads and layers as in the reference. {@code resnetLayers} is 18/34/50 for the
     * {@code resnet18|34|50} backbones and 0 for any other backbone; the blocks come from the plugins.
     */
    public static RadNetConfig from(ArchitectureConfig c) {
        String backbone = c.get(ArchitectureConfig.BACKBONE, "resnet50");
        int layers = backbone.matches("resnet(18|34|50)") ? Integer.parseInt(backbone.substring(6)) : 0;
        return new RadNetConfig(layers, c.getInt(ArchitectureConfig.DEPTH), c.getInt(ArchitectureConfig.HIDDEN),
                c.getInt(ArchitectureConfig.CLASSES), 16, 1, 1, 4, 2,
                !"late".equals(c.get(ArchitectureConfig.FUSION, "early")));
    }
}
