package org.raddiag.api.model;

/**
 * Old name of {@link ClassifierHead}: most heads are not knowledge-enhanced. Heads are registered as
 * {@link ClassifierHead} services; nothing is registered under this type any more.
 *
 * @deprecated use {@link ClassifierHead}
 */
@Deprecated
public interface KnowledgeHead extends ClassifierHead {
}
