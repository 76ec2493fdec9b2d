package org.raddiag.model.blocks;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;

/**
 * A block that can precompute an inference-only form of itself from its loaded weights, such as BatchNorm folded
 * into the preceding convolution. Only a runner that owns a network whose weights never change again (a loaded model
 * package) calls {@link #prepareInference}; the block then uses that form whenever it runs with
 * {@code training == false}. Training, and validation during training, never see it, so stale folded weights cannot
 * arise. The results match the unfolded network within float rounding.
 */
public interface InferenceFolding {

    /** Precomputes the inference form from the current weights; arrays are created on {@code manager}. */
    void prepareInference(NDManager manager);

    /** Calls {@link #prepareInference} on {@code root} and every block below it that implements this interface. */
    static void prepareAll(Block root, NDManager manager) {
        if (root instanceof InferenceFolding) {
            ((InferenceFolding) root).prepareInference(manager);
        }
        for (Block child : root.getChildren().values()) {
            prepareAll(child, manager);
        }
    }
}
