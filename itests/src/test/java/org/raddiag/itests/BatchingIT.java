package org.raddiag.itests;

import static org.junit.Assert.assertEquals;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.ConfigurationAdmin;
import org.raddiag.api.data.Case;
import org.raddiag.api.data.Diagnosis;
import org.raddiag.api.data.Finding;
import org.raddiag.api.data.Modality;
import org.raddiag.api.data.Plane;
import org.raddiag.api.data.Sample;
import org.raddiag.api.data.Scan;
import org.raddiag.api.data.Volume;
import org.raddiag.api.diagnosis.DiagnosisRequest;
import org.raddiag.api.diagnosis.DiagnosisService;
import org.raddiag.api.model.ModelRef;

/**
 * Micro-batching in the framework (PID {@code org.raddiag.diagnosis}: {@code batchMaxCases},
 * {@code batchMaxWaitMillis}): concurrent diagnoses of different cases with batching on give the same findings and
 * slice attention as sequential ones with batching off (within 1e-5), every answer names its model, version and
 * backend, and an onnxruntime request among them (not batched) is answered by onnxruntime.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BatchingIT extends PaxExamRuntime {
    private static final String PID = "org.raddiag.diagnosis";

    @Override
    @Configuration
    public Option[] config() throws Exception {
        return new Option[] {composite(RuntimeOptions.runtime()),
            systemProperty("org.slf4j.simpleLogger.log.org.raddiag.core.diagnosis.internal").value("debug")};
    }

    @Test
    public void concurrentBatchedDiagnosesEqualSequentialOnes() throws Exception {
        String name = InFramework.initDemoModel(context, "batch", 5);
        Await.until("ConfigurationAdmin", 120_000, () -> InFramework.service(context, ConfigurationAdmin.class) != null);
        ModelRef ref = ModelRef.parse(name);
        org.osgi.service.cm.Configuration config = InFramework.service(context, ConfigurationAdmin.class).getConfiguration(PID, "?");
        try {
            configure(config, 1, 5.0);
            DiagnosisService diagnosis = InFramework.service(context, DiagnosisService.class);
            int n = 6;
            List<Case> cases = new ArrayList<>();
            List<Diagnosis> alone = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                cases.add(phantomCase(i));
                alone.add(diagnosis.diagnose(cases.get(i), new DiagnosisRequest(ref, "pytorch", 0)));
            }

            configure(config, 4, 200.0);
            diagnosis = InFramework.service(context, DiagnosisService.class);
            DiagnosisService ds = diagnosis;
            ExecutorService pool = Executors.newFixedThreadPool(n + 1);
            try {
                for (int round = 0; round < 3; round++) {
                    CyclicBarrier start = new CyclicBarrier(n + 1);
                    List<Future<Diagnosis>> answers = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        Case c = cases.get(i);
                        answers.add(pool.submit(() -> {
                            start.await();
                            return ds.diagnose(c, new DiagnosisRequest(ref, "pytorch", 0));
                        }));
                    }
                    Future<Diagnosis> ort = pool.submit(() -> {
                        start.await();
                        return ds.diagnose(cases.get(0), new DiagnosisRequest(ref, "onnxruntime", 0));
                    });
                    for (int i = 0; i < n; i++) {
                        Diagnosis d = answers.get(i).get(120, TimeUnit.SECONDS);
                        assertEquals(name, d.modelName());
                        assertEquals("1.0.0", d.modelVersion());
                        assertEquals("pytorch", d.backend());
                        assertSame("case " + i + " round " + round, alone.get(i), d, 1e-5);
                    }
                    Diagnosis o = ort.get(120, TimeUnit.SECONDS);
                    assertEquals("onnxruntime", o.backend());
                    assertEquals(name, o.modelName());
                    assertSame("onnxruntime", alone.get(0), o, 1e-4);
                }
            } finally {
                pool.shutdownNow();
            }
        } finally {
            config.delete();
        }
    }

    private static void assertSame(String what, Diagnosis want, Diagnosis got, double tolerance) {
        assertEquals(what, want.findings().size(), got.findings().size());
        for (Finding f : want.findings()) {
            Finding g = got.findings().stream().filter(x -> x.index() == f.index()).findFirst().orElseThrow();
            assertEquals(what + " " + f.label(), f.probability(), g.probability(), tolerance);
        }
        assertEquals(what, want.attention().size(), got.attention().size());
        for (int s = 0; s < want.attention().size(); s++) {
            float[] a = want.attention().get(s).weights();
            float[] b = got.attention().get(s).weights();
            assertEquals(what, a.length, b.length);
            for (int k = 0; k < a.length; k++) {
                assertEquals(what + " attention " + s + "/" + k, a[k], b[k], tolerance);
            }
        }
    }

    /** Sets the batching properties and waits until the diagnosis service shows them. */
    private void configure(org.osgi.service.cm.Configuration config, int maxCases, double waitMillis)
            throws Exception {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("batchMaxCases", maxCases);
        p.put("batchMaxWaitMillis", waitMillis);
        config.update(p);
        Await.until("the diagnosis service batches up to " + maxCases, 30_000, () -> {
            try {
                return context.getServiceReferences(DiagnosisService.class, "(batchMaxCases=" + maxCases + ")")
                        .size() == 1;
            } catch (org.osgi.framework.InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Case {@code seed}: a CT of 3 to 8 slices, and for odd seeds an X-ray too. */
    private static Case phantomCase(int seed) {
        Random r = new Random(seed);
        int depth = 3 + seed % 6;
        float[] v = new float[40 * 36 * depth];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (r.nextGaussian() * 50 + 40 + seed);
        }
        List<Sample> samples = new ArrayList<>();
        samples.add(new Sample(Modality.CT, List.of(new Scan(new Volume(v, 40, 36, depth), Modality.CT, Plane.AXIAL,
                1, "ct-" + seed))));
        if (seed % 2 == 1) {
            float[] x = new float[32 * 32];
            for (int i = 0; i < x.length; i++) {
                x[i] = (i * (seed + 1)) % 29;
            }
            samples.add(new Sample(Modality.XRAY, List.of(new Scan(new Volume(x, 32, 32, 1), Modality.XRAY,
                    Plane.FRONTAL, -1, "xray-" + seed))));
        }
        return new Case("case-" + seed, samples, List.of());
    }
}
