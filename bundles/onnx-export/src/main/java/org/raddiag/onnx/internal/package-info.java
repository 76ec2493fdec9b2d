/** Implementation: graph building on the ONNX protobuf classes, built-in converters, exporter, command, runner. */
package org.raddiag.onnx.internal;
