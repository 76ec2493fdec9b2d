package org.raddiag.onnx;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Emits the ONNX nodes of one block type. A backbone or head plugin has its model component build it
 * ({@code ModelComponent.build(BlockConverter.class, ...)}, e.g. through {@code BlockComponent}'s other forms), so the
 * component's name is the block type; a converter of its own is registered as an OSGi service with
 * {@code raddiag.kind=onnx-converter} and {@code raddiag.block=<blockType>}. Either way a plugin that brings a new
 * block type brings its converter too. The tensors a block of a given role consumes and produces are fixed by
 * {@link BlockRole}. A converter given with its block type (e.g. {@code Converters.add(type, converter)} inside this
 * bundle) may be a method reference.
 */
@ConsumerType
@FunctionalInterface
public interface BlockConverter {
    /** Service property naming the block type. */
    String BLOCK = "raddiag.block";
    /** Value of {@code raddiag.kind} for converters. */
    String KIND = "onnx-converter";

    /**
     * Block type this converter handles, e.g. {@code resnet50}, {@code attention1d}, {@code vitfuse}; null (the
     * default) for one that a model component builds, whose name is the type.
     */
    default String blockType() {
        return null;
    }

    /**
     * Adds the block's nodes to {@code g}, reading {@code call.inputs()} and writing exactly
     * {@code call.outputs()}.
     *
     * @throws IllegalArgumentException when the weights or the configuration do not fit the block
     */
    void emit(OnnxGraphBuilder g, BlockCall call);
}
