package org.raddiag.onnx;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * An ONNX graph under construction (default domain, opset {@link #opset()}), addressed by tensor names. Attribute
 * values may be {@code Integer}/{@code Long} (INT), {@code Float}/{@code Double} (FLOAT), {@code String},
 * {@code long[]}/{@code int[]} (INTS) or {@code float[]} (FLOATS).
 */
@ProviderType
public interface OnnxGraphBuilder {
    /** Opset version of the default domain. */
    int opset();

    /** A tensor name starting with {@code hint} that is not used yet in the graph. */
    String fresh(String hint);

    /** Adds a node with one output named from {@code outputHint}; returns the output name. */
    String op(String opType, String outputHint, Map<String, Object> attributes, String... inputs);

    /** Adds a node whose outputs get exactly the given names (each must be unused). */
    void opInto(String opType, List<String> inputs, List<String> outputs, Map<String, Object> attributes);

    /** A float32 initializer; returns its name. */
    String floats(String hint, float[] values, long... shape);

    /** An int64 initializer; returns its name. */
    String longs(String hint, long[] values, long... shape);

    /** A float32 scalar constant (shared between calls with the same value). */
    String scalar(float value);
}
