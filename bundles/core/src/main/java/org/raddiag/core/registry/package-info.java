/**
 * The file-based model registry: versioned model packages ({@code model.json}, {@code weights.safetensors},
 * {@code labels.txt}), their writer and verifying reader, the {@code ModelRegistry} service and the {@code models}
 * command. Engine-free: shapes against the architecture are checked when a runner builds the model.
 */
package org.raddiag.core.registry;
