package org.raddiag.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * N {@link ReferenceEncoderLayer}s and a final {@link ReferenceLayerNorm}, named as the reference wrapper's used
 * part: {@code encoder.layers.<i>.*} and {@code encoder.norm.*} (its unused template layer is not built).
 *
 * <p>Input {@code x (B, T, d)}, optional key mask {@code (B, T)}. Output: the normalised sequence, the last layer's
 * probabilities and scores {@code (B, h, T, T)}, then each layer's output before the final norm.
 */
public final class ReferenceTransformerEncoder extends ReferenceBlock {
    private final List<ReferenceEncoderLayer> layers = new ArrayList<>();
    private final ReferenceLayerNorm norm;

    public ReferenceTransformerEncoder(int model, int heads, int feedForward, int numLayers) {
        if (numLayers < 1) {
            throw new IllegalArgumentException("an encoder needs at least one layer");
        }
        for (int i = 0; i < numLayers; i++) {
            layers.add(addReferenceChild("encoder.layers." + i, new ReferenceEncoderLayer(model, heads, feedForward)));
        }
        norm = addReferenceChild("encoder.norm", new ReferenceLayerNorm(model));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDList last = null;
        NDList layerOutputs = new NDList();
        for (ReferenceEncoderLayer layer : layers) {
            NDList in = inputs.size() > 1 ? new NDList(x, inputs.get(1)) : new NDList(x);
            last = layer.forward(ps, in, training);
            x = last.get(0);
            layerOutputs.add(x);
        }
        NDList out = new NDList(norm.forward(ps, new NDList(x), training).head(), last.get(1), last.get(2));
        out.addAll(layerOutputs);
        return out;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (ReferenceEncoderLayer l : layers) {
            l.initialize(manager, dataType, inputShapes);
        }
        norm.initialize(manager, dataType, inputShapes[0]);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] attn = layers.get(0).getOutputShapes(inputShapes);
        Shape[] out = new Shape[3 + layers.size()];
        out[0] = inputShapes[0];
        out[1] = attn[1];
        out[2] = attn[2];
        for (int i = 0; i < layers.size(); i++) {
            out[3 + i] = inputShapes[0];
        }
        return out;
    }

    public int numLayers() {
        return layers.size();
    }
}
