package org.raddiag.backbone.resnet.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.raddiag.model.blocks.ChannelsLast;
import org.raddiag.model.blocks.InferenceFolding;
import org.raddiag.model.blocks.RadNet;
import org.raddiag.model.blocks.RadNetConfig;
import org.raddiag.testsupport.DjlTest;

/**
 * The inference form of a loaded network (BatchNorm folded into the convs, channels-last layout, per-unit scopes)
 * gives the logits and slice attention of the plain eval-mode forward, with BatchNorm statistics far from identity,
 * and leaves nothing behind on the model's manager.
 */
class InferenceFoldingTest extends DjlTest {
    InferenceFoldingTest() {
        super(11);
    }

    @ParameterizedTest
    @ValueSource(ints = {18, 50})
    void foldedInferenceEqualsThePlainEvalForward(int layers) {
        RadNetConfig cfg = new RadNetConfig(layers, 8, 64, 5, 4, 1, 1, 4, 1, true);
        RadNet net = ReferenceNets.radNet(cfg);
        Shape img = new Shape(2, 2, 1, 48, 48, 8);
        net.initialize(manager, DataType.FLOAT32, img, new Shape(2, 2), new Shape(2, 2, 8));
        randomiseBatchNorm(net);
        NDArray images = manager.randomUniform(0f, 1f, img);
        NDArray mods = manager.create(new long[] {1, 2, 2, 0}, new Shape(2, 2));
        NDArray marks = manager.create(new long[] {1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1,
            1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, new Shape(2, 2, 8));
        float[][] plain = run(net, images, mods, marks);

        InferenceFolding.prepareAll(net, manager);
        int before = managed();
        float[][] folded = run(net, images, mods, marks);
        for (int k = 0; k < plain.length; k++) {
            assertArrayEquals(new long[] {plain[k].length}, new long[] {folded[k].length});
            double worst = 0;
            for (int i = 0; i < plain[k].length; i++) {
                worst = Math.max(worst, Math.abs(plain[k][i] - folded[k][i]));
            }
            assertTrue(worst < 1e-4, "output " + k + " differs by " + worst);
        }
        assertTrue(managed() <= before, "the folded forward left arrays on the model's manager");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void channelsLastKeepsTheLogicalArray(int channels) {
        NDArray x = manager.randomUniform(-1f, 1f, new Shape(2, channels, 5, 7));
        NDArray cl = ChannelsLast.of(x);
        assertArrayEquals(x.getShape().getShape(), cl.getShape().getShape());
        assertArrayEquals(x.toFloatArray(), cl.toFloatArray());
    }

    private float[][] run(RadNet net, NDArray images, NDArray mods, NDArray marks) {
        // as the PyTorch runner calls it: a manager per call and a scope for what ops on parameters create
        try (NDScope scope = new NDScope(); NDManager call = manager.newSubManager()) {
            NDList in = new NDList(images.duplicate(), mods.duplicate(), marks.duplicate());
            in.attach(call);
            NDList out = net.forward(new ParameterStore(call, false), in, false);
            return new float[][] {out.get(0).toFloatArray(), out.get(3).toFloatArray()};
        }
    }

    /** Gamma, beta, running mean and variance of every BatchNorm set far from their initial 1/0/0/1. */
    private void randomiseBatchNorm(RadNet net) {
        for (Map.Entry<String, Parameter> e : net.referenceParameters().entrySet()) {
            String k = e.getKey();
            NDArray a = e.getValue().getArray();
            if (k.contains("bn") || k.contains("downsample.1")) {
                float lo = k.endsWith("running_var") || k.endsWith("weight") ? 0.5f : -0.5f;
                float hi = k.endsWith("running_var") || k.endsWith("weight") ? 1.5f : 0.5f;
                a.set(manager.randomUniform(lo, hi, a.getShape()).toFloatArray());
            }
        }
    }

    private int managed() {
        return manager.getManagedArrays().size();
    }
}
