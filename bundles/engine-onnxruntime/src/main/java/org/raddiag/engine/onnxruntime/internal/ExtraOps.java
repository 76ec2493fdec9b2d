package org.raddiag.engine.onnxruntime.internal;

import java.util.Collections;
import java.util.Map;
import java.util.Set;

import org.tribuo.util.onnx.ONNXAttribute;
import org.tribuo.util.onnx.ONNXOperator;

/** Unary element-wise ONNX operators (opset 13, default domain) that Tribuo's {@code ONNXOperators} lacks. */
enum ExtraOps implements ONNXOperator {
    /** Element-wise Gauss error function. */
    ERF("Erf");

    /** Opset version of the default ONNX domain used for the whole model. */
    static final int OPSET = 13;

    private final String opName;

    ExtraOps(String opName) {
        this.opName = opName;
    }

    @Override
    public String getOpName() {
        return opName;
    }

    @Override
    public int getNumInputs() {
        return 1;
    }

    @Override
    public int getNumOptionalInputs() {
        return 0;
    }

    @Override
    public int getNumOutputs() {
        return 1;
    }

    @Override
    public Map<String, ONNXAttribute> getAttributes() {
        return Collections.emptyMap();
    }

    @Override
    public Set<String> getMandatoryAttributeNames() {
        return Collections.emptySet();
    }

    @Override
    public int getOpVersion() {
        return OPSET;
    }

    @Override
    public String getOpDomain() {
        return "";
    }
}
