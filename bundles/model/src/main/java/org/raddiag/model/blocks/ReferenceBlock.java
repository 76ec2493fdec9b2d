package org.raddiag.model.blocks;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A block whose parameters and children carry the module-relative names of the reference PyTorch state dict, so
 * that {@link StateDictLoader} can match them key by key.
 */
public abstract class ReferenceBlock extends AbstractBlock {
    private final Map<String, Block> referenceChildren = new LinkedHashMap<>();
    private final Map<String, Parameter> referenceParams = new LinkedHashMap<>();

    /** Adds a child under its reference name (e.g. {@code self_attn} or {@code linears.0}). */
    protected final <B extends Block> B addReferenceChild(String name, B block) {
        referenceChildren.put(name, block);
        return addChildBlock(name.replace('.', '_'), block);
    }

    /** Adds a parameter with a fixed shape under its reference name (e.g. {@code cls_token}). */
    protected final Parameter addReferenceParameter(String name, Parameter.Type type, Initializer init,
            long... shape) {
        Parameter p = addParameter(Parameter.builder().setName(name).setType(type).optInitializer(init)
                .optShape(new Shape(shape)).build());
        referenceParams.put(name, p);
        return p;
    }

    /** Every parameter of this block and its children, keyed by its reference state-dict name. */
    public Map<String, Parameter> referenceParameters() {
        Map<String, Parameter> out = new LinkedHashMap<>(referenceParams);
        for (Map.Entry<String, Block> c : referenceChildren.entrySet()) {
            for (Map.Entry<String, Parameter> p : referenceParameters(c.getValue()).entrySet()) {
                out.put(c.getKey() + "." + p.getKey(), p.getValue());
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * Reference-named parameters of any block: a {@link ReferenceBlock} names its own; another block (e.g. a DJL
     * {@code Linear}, whose parameters are {@code weight} and {@code bias}) contributes its direct parameters.
     */
    public static Map<String, Parameter> referenceParameters(Block block) {
        if (block instanceof ReferenceBlock) {
            return ((ReferenceBlock) block).referenceParameters();
        }
        Map<String, Parameter> out = new LinkedHashMap<>();
        block.getDirectParameters().forEach(p -> out.put(p.getKey(), p.getValue()));
        return out;
    }
}
