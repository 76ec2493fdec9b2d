package org.raddiag.model.runner;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.Set;
import org.raddiag.api.model.ModelInput;
import org.raddiag.api.model.ModelOutput;
import org.raddiag.api.model.ModelPackage;
import org.raddiag.model.blocks.RadNet;
import org.raddiag.support.engine.GatedLoadedModel;

/**
 * A RadNet with loaded weights on the PyTorch engine. Calls run concurrently; {@link #close()} waits for the calls
 * in flight, then frees the native memory, so a model being replaced finishes what it started.
 */
final class RadNetModel extends GatedLoadedModel {
    private final RadNet net;
    private final NDManager manager;

    RadNetModel(ModelPackage pkg, RadNet net, NDManager manager, Set<String> components) {
        super(pkg, PyTorchModelRunner.BACKEND, components);
        this.net = net;
        this.manager = manager;
    }

    @Override
    protected ModelOutput forward(ModelInput in) {
        InputChecks.check(in, net.config());
        // the scope also closes what ops on the shared parameters create (DJL attaches those results to the
        // parameters' manager, the model's, where they would pile up call after call)
        try (NDScope scope = new NDScope(); NDManager m = manager.newSubManager()) {
            int b = in.cases();
            int s = in.slots();
            int d = in.depth();
            NDArray images = m.create(in.images().data(), new Shape(in.images().shape()));
            NDArray mods = m.create(in.modalityCodes(), new Shape(b, s));
            NDArray marks = m.create(in.sliceMask(), new Shape(b, s, d));
            NDList out = net.forward(new ParameterStore(m, false), new NDList(images, mods, marks), false);
            float[] logits = out.get(0).toFloatArray();
            // slice attention (B, S, D): CLS probability row averaged over heads, CLS column dropped
            return new ModelOutput(logits, out.get(3).toFloatArray(), b, net.config().classes(), s, d);
        }
    }

    @Override
    protected void release() {
        manager.close();
    }
}
