package org.raddiag.core.preprocess;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.raddiag.api.data.Case;
import org.raddiag.api.data.FloatTensor;
import org.raddiag.api.data.LabelSet;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.api.model.InputEncoder;
import org.raddiag.api.model.ModelInput;

/** {@link InputEncoder} with the reference semantics of {@link CaseTensorizer}, batching cases along a new axis. */
@Component
public final class ReferenceInputEncoder implements InputEncoder {
    private static final LabelSet NO_LABELS = new LabelSet("none", List.of(), 0, 0);

    @Override
    public ModelInput encode(List<Case> cases, ArchitectureConfig architecture) {
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("no case to encode");
        }
        CaseTensorizer t = new CaseTensorizer(TensorizerSettings.of(architecture));
        CaseTensors first = null;
        float[] images = null;
        long[] mods = null;
        long[] marks = null;
        long[] keys = null;
        for (int b = 0; b < cases.size(); b++) {
            CaseTensors ct = t.tensorize(cases.get(b), NO_LABELS);
            if (first == null) {
                first = ct;
                int n = cases.size();
                images = new float[n * ct.images().data().length];
                mods = new long[n * ct.mods().length];
                marks = new long[n * ct.marks().length];
                keys = new long[n * ct.keys().length];
            }
            System.arraycopy(ct.images().data(), 0, images, b * ct.images().data().length, ct.images().data().length);
            System.arraycopy(ct.mods(), 0, mods, b * ct.mods().length, ct.mods().length);
            System.arraycopy(ct.marks(), 0, marks, b * ct.marks().length, ct.marks().length);
            System.arraycopy(ct.keys(), 0, keys, b * ct.keys().length, ct.keys().length);
        }
        long[] s = first.images().shape();
        long[] shape = new long[s.length + 1];
        shape[0] = cases.size();
        System.arraycopy(s, 0, shape, 1, s.length);
        return new ModelInput(new FloatTensor(images, shape), mods, marks, keys);
    }

    @Override
    public float[] labels(Case c, LabelSet labels) {
        float[] y = new float[labels.size()];
        for (String name : c.labels()) {
            labels.indexOf(name).ifPresent(i -> y[i] = 1f);
        }
        return y;
    }
}
