package org.raddiag.api.model;

/**
 * Classifier head from the fused case feature to one logit per class: the reference MLP, or a knowledge-enhanced
 * head whose classifier is built from label text embeddings. Registered with {@code raddiag.kind=head} and
 * {@code raddiag.head=<name>}; hot-swappable.
 *
 * <p>Contract of the block {@link #build} returns for RadNet (any engine): input {@code (B, hidden)} float (one case
 * feature per case, {@code hidden} from the architecture), output {@code (B, classes)} logits (sigmoid is applied
 * outside the model); its parameters are named under {@value #STATE_DICT_PREFIX}{@code .} in the model's state dict,
 * whatever the head (the reference's attribute name).
 */
public interface ClassifierHead extends ModelComponent {
    /** State-dict prefix (without the dot) of every head's parameters. */
    String STATE_DICT_PREFIX = "fc";
}
