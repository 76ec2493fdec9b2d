/**
 * The knowledge head's label embeddings made by a named text encoder ({@code KnowledgeLabels}): written into model
 * packages by training, and computed for new label texts by zero-shot diagnosis. Private to core.
 */
package org.raddiag.core.knowledge;
