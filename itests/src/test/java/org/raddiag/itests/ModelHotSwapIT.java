package org.raddiag.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.service.cm.ConfigurationAdmin;
import org.raddiag.api.data.Case;
import org.raddiag.api.data.Diagnosis;
import org.raddiag.api.data.Modality;
import org.raddiag.api.data.Plane;
import org.raddiag.api.data.Sample;
import org.raddiag.api.data.Scan;
import org.raddiag.api.data.Volume;
import org.raddiag.api.diagnosis.DiagnosisException;
import org.raddiag.api.diagnosis.DiagnosisRequest;
import org.raddiag.api.diagnosis.DiagnosisService;
import org.raddiag.api.model.ModelRef;

/**
 * Diagnoses run end to end in the framework on both backends, and keep running while the backbone bundle is
 * removed and put back: calls in flight finish; new calls wait for the backbone while it is replaced within the
 * model runner's grace period and get a clear error when it stays away longer; the model is rebuilt from the new
 * bundle afterwards, with the same results - no restart.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ModelHotSwapIT extends PaxExamRuntime {
    @Test
    public void diagnosesSurviveBackboneRemovalAndReplacement() throws Exception {
        String name = InFramework.initDemoModel(context, "swap", 7);
        DiagnosisService diagnosis = InFramework.service(context, DiagnosisService.class);
        Case c = phantomCase();
        DiagnosisRequest pytorch = new DiagnosisRequest(ModelRef.parse(name), "pytorch", 0);
        Diagnosis before = diagnosis.diagnose(c, pytorch);
        assertEquals(name, before.modelName());
        assertEquals(8, before.findings().size());
        Diagnosis ort = diagnosis.diagnose(c, new DiagnosisRequest(ModelRef.parse(name), "onnxruntime", 0));
        assertEquals("backends agree", before.findings().get(0).probability(), ort.findings().get(0).probability(), 1e-4);

        SwapClients clients = new SwapClients(diagnosis, c, pytorch, name, before.findings().get(0).probability());
        try {
            // 1. a backbone bundle replaced within the runner's grace period (componentWaitMillis, default 10 s):
            // diagnoses that arrive while it is gone wait for the new one, none fails
            Thread.sleep(300);
            reinstallBackbone(clients, 600, () -> true);
            Await.until("diagnoses on the model rebuilt from the new backbone (" + clients + ")", 60_000,
                    () -> clients.ok.get() > clients.okAtLastSwap + 2);
            assertEquals("refusals while the backbone was replaced within the grace period: " + clients, 0,
                    clients.refusals.get());
            assertTrue("unexpected outcomes: " + clients.unexpected, clients.unexpected.isEmpty());
            assertTrue("a diagnosis waited for the new backbone instead of failing (longest call "
                    + clients.longestMillis.get() + " ms)", clients.longestMillis.get() >= 500);

            // 2. gone longer than the grace period (shortened to 200 ms here): a clear refusal that names the
            // missing backbone and how long it waited, then diagnoses succeed again once it is back
            org.osgi.service.cm.Configuration runnerConfig = configurationAdmin()
                    .getConfiguration("org.raddiag.runner.pytorch", "?");
            runnerConfig.update(new Hashtable<>(Map.of("componentWaitMillis", 200L)));
            try {
                Await.until("the runner uses the shorter grace period", 30_000, () -> runnerWaits(200));
                reinstallBackbone(clients, 0, () -> clients.refusals.get() > 0 || !clients.unexpected.isEmpty());
                Await.until("diagnoses succeed again on the rebuilt model (" + clients + ")", 60_000,
                        () -> clients.ok.get() > clients.okAtLastSwap + 2);
            } finally {
                runnerConfig.delete();
            }
            assertTrue("unexpected outcomes: " + clients.unexpected, clients.unexpected.isEmpty());
            assertTrue("refusal message: " + clients.lastRefusal, clients.lastRefusal.contains(
                    "no backbone plugin 'resnet18' is installed") && clients.lastRefusal.contains("waited"));
        } finally {
            clients.close();
        }
        System.out.println("ModelHotSwapIT: " + clients + ", longest call " + clients.longestMillis + " ms, refusal: "
                + clients.lastRefusal);
        assertTrue("unexpected outcomes: " + clients.unexpected, clients.unexpected.isEmpty());
        Diagnosis after = diagnosis.diagnose(c, pytorch);
        assertEquals(before.findings().get(0).label(), after.findings().get(0).label());
        assertEquals(before.findings().get(0).probability(), after.findings().get(0).probability(), 1e-6);
    }

    /**
     * Uninstalls the backbone bundle, refreshes, waits {@code goneMillis} and until {@code whileGone} holds, then
     * installs it again from the distribution's jar.
     */
    private void reinstallBackbone(SwapClients clients, long goneMillis, BooleanSupplier whileGone) throws Exception {
        Bundle backbone = InFramework.bundle(context, "raddiag-backbone-resnet");
        String location = RuntimeOptions.distribution().resolve("bundle/raddiag-backbone-resnet.jar").toUri().toString();
        backbone.uninstall();
        InFramework.refresh(context, backbone);
        Thread.sleep(goneMillis);
        Await.until("the clients saw the backbone gone (" + clients + ")", 30_000, whileGone);
        clients.okAtLastSwap = clients.ok.get();
        Bundle again = context.installBundle(location);
        again.start();
    }

    /** Two clients diagnosing in a loop, tallying successes, clean refusals and anything else. */
    private static final class SwapClients implements AutoCloseable {
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicInteger ok = new AtomicInteger();
        final AtomicInteger refusals = new AtomicInteger();
        final AtomicLong longestMillis = new AtomicLong();
        final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        final List<Thread> threads = new ArrayList<>();
        volatile String lastRefusal = "";
        volatile int okAtLastSwap;

        SwapClients(DiagnosisService diagnosis, Case c, DiagnosisRequest request, String name, double expected)
                throws InterruptedException {
            CountDownLatch started = new CountDownLatch(2);
            for (int i = 0; i < 2; i++) {
                Thread t = new Thread(() -> {
                    started.countDown();
                    while (!stop.get()) {
                        long t0 = System.nanoTime();
                        try {
                            Diagnosis d = diagnosis.diagnose(c, request);
                            if (!name.equals(d.modelName())) {
                                unexpected.add("answer from model " + d.modelName());
                            }
                            if (Math.abs(d.findings().get(0).probability() - expected) > 1e-5) {
                                unexpected.add("different result " + d.findings().get(0).probability());
                            }
                            ok.incrementAndGet();
                        } catch (DiagnosisException e) {
                            if (e.getMessage().contains("no backbone plugin 'resnet18'")) {
                                lastRefusal = e.getMessage();
                                refusals.incrementAndGet();
                            } else {
                                unexpected.add(e.toString());
                            }
                        } catch (RuntimeException e) {
                            unexpected.add(e.toString());
                        }
                        longestMillis.accumulateAndGet((System.nanoTime() - t0) / 1_000_000, Math::max);
                    }
                });
                t.start();
                threads.add(t);
            }
            started.await(10, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws InterruptedException {
            stop.set(true);
            for (Thread t : threads) {
                t.join(60_000);
            }
        }

        @Override
        public String toString() {
            return "ok " + ok + ", refusals " + refusals + ", unexpected " + unexpected;
        }
    }

    /** Whether the PyTorch runner's service shows a grace period of {@code millis}. */
    private boolean runnerWaits(long millis) {
        try {
            return context.getServiceReferences((String) null,
                    "(&(raddiag.kind=runner)(raddiag.backend=pytorch)(componentWaitMillis=" + millis + "))") != null;
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private ConfigurationAdmin configurationAdmin() {
        return InFramework.service(context, ConfigurationAdmin.class);
    }

    private static Case phantomCase() {
        Scan ct = PhantomScans.ct();
        float[] x = new float[32 * 32];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 32;
        }
        Scan xray = new Scan(new Volume(x, 32, 32, 1), Modality.XRAY, Plane.FRONTAL, -1, "phantom-xray");
        return new Case("phantom", List.of(new Sample(Modality.CT, List.of(ct)), new Sample(Modality.XRAY, List.of(xray))),
                List.of());
    }
}
