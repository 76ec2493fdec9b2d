package org.raddiag.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.raddiag.api.cli.Command;
import org.raddiag.api.data.Case;
import org.raddiag.api.data.Diagnosis;
import org.raddiag.api.data.Modality;
import org.raddiag.api.data.Sample;
import org.raddiag.api.data.Scan;
import org.raddiag.api.diagnosis.DiagnosisRequest;
import org.raddiag.api.diagnosis.DiagnosisService;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.api.model.ModelRef;
import org.raddiag.api.model.SliceBackbone;

/**
 * Plugin bundles can be installed and uninstalled again and again without leaking: 100 cycles of the real
 * ResNet backbone bundle (install from its jar, start, its resnet18 backbone service used by a real diagnosis,
 * uninstall, refresh) leave every class loader collectable and the live heap flat; the same check run on a plugin
 * that leaks on purpose (fixture {@code leaky-plugin}) fails, which shows that the check can fail.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class LeakCycleIT extends PaxExamRuntime {
    @Test
    public void a_backboneBundleCyclesLeaveNoClassLoaderAndNoHeapBehind() throws Exception {
        String name = InFramework.initDemoModel(context, "leak", 7);
        DiagnosisService diagnosis = InFramework.service(context, DiagnosisService.class);
        DiagnosisRequest request = new DiagnosisRequest(ModelRef.parse(name), "pytorch", 0);
        Case c = phantomCase();
        double expected = diagnosis.diagnose(c, request).findings().get(0).probability();

        // the distribution's own copy goes first: every cycle installs the same bundle (same name and version)
        Bundle original = InFramework.bundle(context, "raddiag-backbone-resnet");
        LeakCheck check = new LeakCheck(context, RuntimeOptions.distribution().resolve("bundle/raddiag-backbone-resnet.jar"),
                "(&(raddiag.kind=backbone)(raddiag.backbone=resnet18))");
        original.uninstall();
        check.refresh(original);
        original = null;

        ArchitectureConfig arch = new ArchitectureConfig(java.util.Map.of(ArchitectureConfig.BACKBONE, "resnet18"));
        LeakCheck.Result r = check.run(Soak.times(100), 10, service -> {
            SliceBackbone encoder = (SliceBackbone) service;
            assertEquals("resnet18", encoder.name());
            assertEquals(512, encoder.featureWidth(arch));
            // the diagnosis service's model is rebuilt from this cycle's backbone (the new one evicts the old model)
            Diagnosis d = diagnosis.diagnose(c, request);
            assertEquals("same weights, same answer on every rebuilt model", expected,
                    d.findings().get(0).probability(), 1e-6);
        });
        System.out.println("LeakCycleIT " + r);
        assertFalse("class loaders of uninstalled backbone bundles are still reachable: " + r, r.loadersLeak());
        assertFalse("live heap grows with install/uninstall cycles: " + r, r.heapGrows());
    }

    @Test
    public void b_leakingControlBundleIsDetected() throws Exception {
        Path jar = Paths.get(System.getProperty("raddiag.probe.plugins"), "raddiag-itest-leaky-plugin.jar");
        LeakCheck.Result r = new LeakCheck(context, jar, "(raddiag.command=leaky-audit)").run(10, 2, service -> {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            PrintStream p = new PrintStream(buf, true, StandardCharsets.UTF_8);
            assertEquals(0, ((Command) service).run(List.of(), p, p));
            assertTrue(buf.toString(StandardCharsets.UTF_8), buf.toString(StandardCharsets.UTF_8).startsWith("leaky-audit:"));
        });
        System.out.println("LeakCycleIT control " + r);
        assertTrue("the check must detect the leaking plugin: " + r, r.leaks());
        // each criterion on its own: every loader is kept by its root-logger handler, and each keeps 1 MiB
        assertEquals("loaders kept: " + r, 0, r.loadersCollected());
        assertTrue("heap growth detected: " + r, r.heapGrows());
    }

    private static Case phantomCase() {
        Scan ct = PhantomScans.ct();
        return new Case("phantom", List.of(new Sample(Modality.CT, List.of(ct))), List.of());
    }
}
