package org.raddiag.onnx;

import java.util.List;
import java.util.Objects;
import org.raddiag.api.model.ArchitectureConfig;

/**
 * One block to convert.
 *
 * @param component the block's name in the model (its state-dict prefix without the dot, e.g. {@code attention1D});
 *     use it to prefix node names
 * @param config the model's architecture
 * @param weights the block's weights, keys relative to the block (e.g. {@code pos_emb})
 * @param inputs names of the tensors the block reads, in the order {@link BlockRole} gives
 * @param outputs names the block must write, in the order {@link BlockRole} gives
 */
public record BlockCall(String component, ArchitectureConfig config, Weights weights, List<String> inputs,
        List<String> outputs) {
    public BlockCall {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(weights, "weights");
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /** Input {@code i}, failing clearly when the caller passed fewer. */
    public String input(int i) {
        if (i >= inputs.size()) {
            throw new IllegalArgumentException(component + ": expected at least " + (i + 1) + " inputs, got " + inputs);
        }
        return inputs.get(i);
    }

    /** Output {@code i}, failing clearly when the caller asked for fewer. */
    public String output(int i) {
        if (i >= outputs.size()) {
            throw new IllegalArgumentException(component + ": expected at least " + (i + 1) + " outputs, got "
                    + outputs);
        }
        return outputs.get(i);
    }
}
