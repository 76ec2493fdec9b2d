package org.raddiag.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

/**
 * BatchNorm over axis 1 of {@code (N, C, H, W)} with PyTorch's names {@code weight}, {@code bias},
 * {@code running_mean}, {@code running_var} (eps 1e-5). Eval mode uses the running statistics; training mode uses
 * batch statistics and updates the running ones (DJL momentum 0.9 = PyTorch momentum 0.1). The running statistics
 * are parameters without gradient ({@link Parameter.Type#RUNNING_MEAN}/{@link Parameter.Type#RUNNING_VAR}).
 */
public final class ReferenceBatchNorm2d extends ReferenceBlock {
    public static final float EPS = 1e-5f;
    private static final float DJL_MOMENTUM = 0.9f;
    private final Parameter weight;
    private final Parameter bias;
    private final Parameter runningMean;
    private final Parameter runningVar;

    public ReferenceBatchNorm2d(int channels) {
        weight = addReferenceParameter("weight", Parameter.Type.GAMMA, Initializer.ONES, channels);
        bias = addReferenceParameter("bias", Parameter.Type.BETA, Initializer.ZEROS, channels);
        runningMean = addParameter(Parameter.builder().setName("running_mean").setType(Parameter.Type.RUNNING_MEAN)
                .optInitializer(Initializer.ZEROS).optShape(new Shape(channels)).optRequiresGrad(false).build());
        runningVar = addParameter(Parameter.builder().setName("running_var").setType(Parameter.Type.RUNNING_VAR)
                .optInitializer(Initializer.ONES).optShape(new Shape(channels)).optRequiresGrad(false).build());
    }

    @Override
    public java.util.Map<String, Parameter> referenceParameters() {
        java.util.Map<String, Parameter> m = new java.util.LinkedHashMap<>(super.referenceParameters());
        m.put("running_mean", runningMean);
        m.put("running_var", runningVar);
        return m;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        var d = x.getDevice();
        // a recomputed pass (activation checkpointing) must not move the running statistics a second time: DJL
        // momentum 1 is PyTorch momentum 0, which leaves them exactly as they are
        float momentum = training && Recompute.recomputing() ? 1f : DJL_MOMENTUM;
        return BatchNorm.batchNorm(x, ps.getValue(runningMean, d, training), ps.getValue(runningVar, d, training),
                ps.getValue(weight, d, training), ps.getValue(bias, d, training), 1, momentum, EPS, training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
