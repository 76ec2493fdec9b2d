package org.raddiag.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceReference;
import org.raddiag.api.compute.ComputeBackend;
import org.raddiag.api.data.FloatTensor;

/** Both native engines initialise in one framework and compute the same MLP head on the same input. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EngineParityIT extends PaxExamRuntime {
    @Test
    public void pytorchAndOnnxRuntimeAgree() throws Exception {
        Await.until("both backends registered: " + backends().keySet(), 120_000,
                () -> backends().keySet().containsAll(java.util.Set.of("pytorch", "onnxruntime")));
        Random r = new Random(2024);
        FloatTensor x = random(r, 5, 32), w1 = random(r, 48, 32), b1 = random(r, 48), w2 = random(r, 7, 48), b2 = random(r, 7);
        Map<String, FloatTensor> out = new TreeMap<>();
        backends().forEach((name, b) -> out.put(name, b.mlp(x, w1, b1, w2, b2)));
        FloatTensor pt = out.get("pytorch");
        FloatTensor ort = out.get("onnxruntime");
        assertEquals(35, pt.data().length);
        double diff = pt.maxAbsDifference(ort);
        System.out.println("max |pytorch - onnxruntime| = " + diff);
        assertTrue("engines disagree by " + diff, diff < 1e-4);
        double scale = 0;
        for (float v : pt.data()) {
            scale = Math.max(scale, Math.abs(v));
        }
        assertTrue("output is not trivial: " + scale, scale > 1);
    }

    private Map<String, ComputeBackend> backends() {
        Map<String, ComputeBackend> m = new TreeMap<>();
        try {
            for (ServiceReference<ComputeBackend> ref : context.getServiceReferences(ComputeBackend.class, null)) {
                ComputeBackend b = context.getService(ref);
                m.put(b.name(), b);
            }
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return m;
    }

    private static FloatTensor random(Random r, long... shape) {
        int n = 1;
        for (long s : shape) {
            n *= (int) s;
        }
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return new FloatTensor(v, shape);
    }
}
