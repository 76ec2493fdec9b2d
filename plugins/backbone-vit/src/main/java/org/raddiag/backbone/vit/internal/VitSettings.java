package org.raddiag.backbone.vit.internal;

import org.raddiag.api.model.ArchitectureConfig;

/**
 * Sizes of the ViT slice encoder, from the architecture settings {@code vit.*} (defaults: the reference ViT of
 * {@code vit2D.py}).
 *
 * @param imageSize input height and width ({@code image_size}, 256)
 * @param patch patch side ({@code vit.patch}, 8)
 * @param channels channels the patches are cut from ({@code vit.channels}, 1 as in the reference; or 3)
 * @param dim token width and output width ({@code vit.dim}, 2048)
 * @param depth transformer layers ({@code vit.depth}, 12)
 * @param heads attention heads ({@code vit.heads}, 8)
 * @param dimHead width per head ({@code vit.dim_head}, 64)
 * @param mlpDim feed-forward width ({@code vit.mlp_dim}, 2048)
 * @param dropout dropout in attention and feed-forward, training only ({@code vit.dropout}, 0.1)
 * @param embDropout dropout on the embedded tokens, training only ({@code vit.emb_dropout}, 0.1)
 */
public record VitSettings(int imageSize, int patch, int channels, int dim, int depth, int heads, int dimHead,
        int mlpDim, float dropout, float embDropout) {

    public VitSettings {
        if (patch < 1 || imageSize % patch != 0) {
            throw new IllegalArgumentException("image size " + imageSize + " is not a multiple of patch " + patch);
        }
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("vit.channels must be 1 or 3, not " + channels);
        }
        if (dim < 2 || depth < 1 || heads < 1 || dimHead < 1 || mlpDim < 1) {
            throw new IllegalArgumentException("ViT sizes must be positive (dim >= 2)");
        }
    }

    /** The reference ViT at 256 x 256. */
    public static VitSettings reference() {
        return new VitSettings(256, 8, 1, 2048, 12, 8, 64, 2048, 0.1f, 0.1f);
    }

    public static VitSettings from(ArchitectureConfig c) {
        VitSettings r = reference();
        int dim = integer(c, "vit.dim", r.dim);
        return new VitSettings(integer(c, ArchitectureConfig.IMAGE_SIZE, r.imageSize), integer(c, "vit.patch", r.patch),
                integer(c, "vit.channels", r.channels), dim, integer(c, "vit.depth", r.depth),
                integer(c, "vit.heads", r.heads), integer(c, "vit.dim_head", r.dimHead),
                integer(c, "vit.mlp_dim", dim), number(c, "vit.dropout", r.dropout),
                number(c, "vit.emb_dropout", r.embDropout));
    }

    /** Patches per side. */
    public int grid() {
        return imageSize / patch;
    }

    public int patchDim() {
        return patch * patch * channels;
    }

    private static int integer(ArchitectureConfig c, String key, int fallback) {
        return c.asMap().containsKey(key) ? c.getInt(key) : fallback;
    }

    private static float number(ArchitectureConfig c, String key, float fallback) {
        String v = c.get(key, null);
        try {
            return v == null ? fallback : Float.parseFloat(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("architecture setting '" + key + "' is not a number: " + v, e);
        }
    }
}
