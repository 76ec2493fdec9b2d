package org.raddiag.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.raddiag.api.cli.Command;
import org.raddiag.api.compute.EngineStatus;

/** The distribution's bundle set boots in real Felix: every bundle active, every requirement wired, engines ready. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RuntimeBootIT extends PaxExamRuntime {
    @Test
    public void everyDistributionBundleIsActiveAndWired() throws Exception {
        Await.until("all bundles active", 60_000, () -> inactive().isEmpty());
        for (Bundle b : context.getBundles()) {
            BundleWiring w = b.adapt(BundleWiring.class);
            assertNotNull(b.getSymbolicName() + " is not resolved", w);
            assertTrue(b.getSymbolicName() + " wiring is not current", w.isCurrent());
        }
        long ours = List.of(context.getBundles()).stream().filter(b -> b.getSymbolicName().startsWith("raddiag-")).count();
        assertTrue("RadDiag bundles installed: " + ours, ours >= 4);
    }

    @Test
    public void everyDeclarativeServicesComponentIsSatisfied() throws Exception {
        Await.until("service component runtime", 30_000, () -> scr() != null);
        Await.until("all RadDiag components satisfied: " + unsatisfied(), 60_000, () -> unsatisfied().isEmpty());
        long ours = scr().getComponentDescriptionDTOs().stream()
                .filter(d -> d.bundle.symbolicName.startsWith("raddiag-")).count();
        assertTrue("RadDiag components: " + ours, ours >= 4);
    }

    private ServiceComponentRuntime scr() {
        ServiceReference<ServiceComponentRuntime> r = context.getServiceReference(ServiceComponentRuntime.class);
        return r == null ? null : context.getService(r);
    }

    private List<String> unsatisfied() {
        List<String> bad = new ArrayList<>();
        ServiceComponentRuntime scr = scr();
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
            if (!scr.isComponentEnabled(d)) {
                if (d.defaultEnabled) {
                    bad.add(d.name + " disabled");
                }
                continue;
            }
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                if (c.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE
                        || c.state == ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION
                        || c.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    bad.add(d.name + " state " + c.state + (c.failure != null ? " " + c.failure : ""));
                }
            }
        }
        return bad;
    }

    @Test
    public void everyEngineBecomesReady() throws Exception {
        Await.until("an engine status", 30_000, () -> !engines().isEmpty());
        Await.until("engines ready: " + engines(), 120_000,
                () -> engines().stream().allMatch(e -> e.state() == EngineStatus.State.READY));
        assertTrue(engines().stream().anyMatch(e -> e.backend().equals("pytorch")));
        assertTrue(engines().stream().anyMatch(e -> e.backend().equals("onnxruntime")));
    }

    @Test
    public void statusCommandReportsHealthy() throws Exception {
        Await.until("status command", 30_000, () -> InFramework.command(context, "status") != null);
        ServiceReference<Command> ref = InFramework.command(context, "status");
        Command status = context.getService(ref);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = status.run(List.of("--json"), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        String json = out.toString(StandardCharsets.UTF_8);
        assertEquals(json, 0, rc);
        assertTrue(json, json.contains("\"healthy\": true"));
        assertTrue(json, json.contains("\"backend\": \"pytorch\""));
    }

    private List<EngineStatus> engines() {
        List<EngineStatus> list = new ArrayList<>();
        try {
            for (ServiceReference<EngineStatus> r : context.getServiceReferences(EngineStatus.class, null)) {
                list.add(context.getService(r));
            }
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return list;
    }

    private List<String> inactive() {
        List<String> bad = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            boolean fragment = b.getHeaders().get("Fragment-Host") != null;
            if (!(b.getState() == Bundle.ACTIVE || fragment && b.getState() == Bundle.RESOLVED)) {
                bad.add(b.getSymbolicName() + "=" + b.getState());
            }
        }
        return bad;
    }
}
