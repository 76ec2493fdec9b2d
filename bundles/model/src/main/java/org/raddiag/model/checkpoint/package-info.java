/** Engine-free readers and writers for model checkpoints (safetensors, torch.save zip) and the state dict type. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.raddiag.model.checkpoint;
