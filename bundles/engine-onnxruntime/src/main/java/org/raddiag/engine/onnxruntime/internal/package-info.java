/** ONNX Runtime engine: DS component, MLP graph built with Tribuo's ONNX builder, and native temp-folder cleanup. */
package org.raddiag.engine.onnxruntime.internal;
