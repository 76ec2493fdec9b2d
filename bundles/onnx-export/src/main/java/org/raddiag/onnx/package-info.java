/**
 * ONNX export of RadDiag models: the converter SPI ({@link org.raddiag.onnx.BlockConverter}, one OSGi service per
 * block type), the engine-free graph builder converters emit into, model weights by reference key, and the
 * {@link org.raddiag.onnx.OnnxExporter} service.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package org.raddiag.onnx;
