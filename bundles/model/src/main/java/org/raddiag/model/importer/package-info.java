/**
 * {@code import}: turns a published PyTorch checkpoint ({@code pytorch_model.bin} or {@code .safetensors}) into a
 * verified model package in the registry, checking keys and shapes against the network built for the architecture.
 */
package org.raddiag.model.importer;
