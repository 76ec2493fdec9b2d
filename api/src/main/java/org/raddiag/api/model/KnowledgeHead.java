package org.raddiag.api.model;

/**
 * Classifier head from the case feature to one logit per class: the reference MLP, or a knowledge-enhanced head
 * whose classifier is built from label text embeddings ({@code raddiag.kind=head}, {@code raddiag.head}).
 */
public interface KnowledgeHead extends ModelComponent {
}
