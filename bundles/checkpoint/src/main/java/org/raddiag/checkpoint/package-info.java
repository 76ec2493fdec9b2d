/**
 * Engine-free readers and writers for model checkpoints (safetensors, torch.save zip) and the state dict type.
 * Pure Java: usable by core and tools without an inference engine.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.raddiag.checkpoint;
