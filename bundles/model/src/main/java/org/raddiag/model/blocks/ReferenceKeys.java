package org.raddiag.model.blocks;

/**
 * State-dict keys of the reference that exist but never influence the eval output ({@code used = no} in
 * {@code state_dict_keys.tsv}): the transformer wrapper's template layer and its aliases, the discarded
 * {@code sublayer.0.norm}, torchvision's unused {@code fc} of the ResNet trunk and BatchNorm
 * {@code num_batches_tracked} counters.
 */
public final class ReferenceKeys {
    private static final String[] UNUSED_PARTS = {"transformer_encoder.multi_headed_attention.",
        "transformer_encoder.feed_forward.", "transformer_encoder.encoder_layer.", ".sublayer.0.norm.",
        "resnet2D.fc."};

    private ReferenceKeys() {
    }

    /** Whether {@code key} (full or module-relative) is one of the known unused reference keys. */
    public static boolean isKnownUnused(String key) {
        String k = "." + key;
        if (k.endsWith(".num_batches_tracked")) {
            return true;
        }
        for (String part : UNUSED_PARTS) {
            if (k.contains(part.startsWith(".") ? part : "." + part)) {
                return true;
            }
        }
        return false;
    }
}
