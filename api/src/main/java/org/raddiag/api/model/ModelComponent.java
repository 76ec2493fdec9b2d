package org.raddiag.api.model;

/**
 * A pluggable part of the RadDiag network. The API stays free of engine types: a component builds its
 * engine-specific block on request ({@code ai.djl.nn.Block} for the PyTorch backend, an ONNX sub-graph for the
 * ONNX exporter) and says which block types it can build.
 */
public interface ModelComponent {
    /** Name the component is selected by, e.g. {@code resnet50}. */
    String name();

    /** Whether {@link #build} supports blocks of {@code blockType}. */
    boolean supports(Class<?> blockType);

    /**
     * Builds a fresh, uninitialised block of {@code blockType} for {@code config}.
     *
     * @throws UnsupportedOperationException when the block type is not supported
     */
    <B> B build(Class<B> blockType, ArchitectureConfig config);
}
