package org.raddiag.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.inject.Inject;
import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.BundleInfo;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.features.Repository;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.ProbeBuilder;
import org.ops4j.pax.exam.TestProbeBuilder;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.ServiceReference;
import org.raddiag.api.compute.EngineStatus;

/**
 * The Karaf assembly, booted offline with the engines and the shell: REST (Pax Web) installed, a diagnosis through the
 * {@code raddiag:*} shell commands and through REST on Pax Web; a backbone feature installed and uninstalled while
 * REST diagnoses run (no failed response); every other feature installed one by one, each resolving with all its
 * bundles active. Throughout, the engine bundles keep their ids, last-modified stamps, state and services and see
 * no bundle event at all: no feature refreshes them, so their natives load once. One container, the methods in order.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class KarafRuntimeIT {
    /** Engine bundle events seen since the container came up (any event means a refresh, stop or update). */
    private static final List<String> ENGINE_EVENTS = new ArrayList<>();
    private static volatile String enginesAtStart;

    @Inject
    private BundleContext context;
    @Inject
    private FeaturesService features;
    @Inject
    private SessionFactory sessions;
    /** Waits for Karaf's boot features: an install that ran alongside them could refresh the probe. */
    @Inject
    private BootFinished bootFinished;

    @Configuration
    public Option[] config() throws Exception {
        return KarafOptions.runtime();
    }

    /**
     * The probe imports only packages that are there at boot. Pax Exam's default, DynamicImport-Package *, would let
     * Karaf refresh the probe on every feature install (as it refreshes any bundle with an optional or dynamic
     * import that a new bundle could satisfy: the reason the engines have none). Of RadDiag's API only the package
     * it uses: raddiag-model and raddiag-metrics (installed with raddiag-rest) export copies of other API packages.
     */
    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        return KarafOptions.probe(probe, "org.raddiag.api.compute,org.apache.karaf.features,"
                + "org.apache.karaf.shell.api.console,com.google.gson,com.google.gson.*");
    }

    @Test
    public void t1DiagnosisThroughShellAndRest() throws Exception {
        watchEngines();
        for (String f : List.of("raddiag-rest", "raddiag-readers", "raddiag-backbone-resnet", "raddiag-heads")) {
            install(f);
        }
        String shellOut = KarafShellScenario.createAndDiagnose(this::shell, "all engines ready", "karaf1");

        Http.Reply r = http().diagnose(Map.of("a.npy", KarafShellScenario.demoScan()),
                Map.of("model", "karaf1", "top", "3"));
        assertEquals(r.toString(), 200, r.status);
        assertEquals("karaf1", r.json.get("model").getAsString());
        assertEquals(3, r.json.getAsJsonArray("findings").size());
        double top = r.json.getAsJsonArray("findings").get(0).getAsJsonObject().get("probability").getAsDouble();
        String printed = String.format(java.util.Locale.ROOT, "p=%.4f", top);
        assertTrue("shell and REST agree on " + printed + ":\n" + shellOut, shellOut.contains(printed));
        assertEnginesUntouched();
    }

    @Test
    public void t2BackboneFeatureSwapUnderLoadFailsNoRequest() throws Exception {
        Http http = http();
        Http.Reply one = http.diagnose(Map.of("a.npy", KarafShellScenario.demoScan()), Map.of("top", "0"));
        assertEquals(one.toString(), 200, one.status);
        Map<String, Double> expected = new ConcurrentHashMap<>();
        expected.put(one.json.get("model").getAsString() + "/" + one.json.get("backend").getAsString(),
                DiagnosisClients.firstProbability(one.json));
        String before = engines();
        DiagnosisClients clients = new DiagnosisClients(http, KarafShellScenario.demoScan(), expected);
        int cycles = 3;
        try {
            for (int i = 0; i < cycles; i++) {
                int okBefore = clients.ok.get();
                install("raddiag-backbone-vit");
                Await.until("diagnoses after installing vit", 60_000, () -> clients.ok.get() > okBefore + 2);
                int okInstalled = clients.ok.get();
                features.uninstallFeature("raddiag-backbone-vit");
                assertTrue("vit bundle gone", bundleIfAny("raddiag-backbone-vit") == null);
                Await.until("diagnoses after uninstalling vit", 60_000, () -> clients.ok.get() > okInstalled + 2);
            }
        } finally {
            clients.stop();
        }
        System.out.println("KarafRuntimeIT swap under load: " + cycles + " install/uninstall cycles of raddiag-backbone-vit, "
                + (clients.ok.get() + clients.failures.size()) + " requests, " + clients.failures.size() + " failed, longest "
                + clients.longestMillis.get() + " ms; engines before " + before + ", after " + engines());
        assertTrue("failed responses: " + clients.failures, clients.failures.isEmpty());
        assertEquals("engine bundles and services unchanged", before, engines());
        assertEnginesUntouched();
    }

    @Test
    public void t3EveryFeatureInstallsWithoutRefreshingAnEngine() throws Exception {
        List<String> names = new ArrayList<>();
        for (Repository r : features.listRepositories()) {
            if (r.getName().startsWith("raddiag-")) {
                for (Feature f : r.getFeatures()) {
                    names.add(f.getName());
                }
            }
        }
        assertTrue(names.toString(), names.size() >= 15);
        for (String name : names) {
            install(name);
            assertEnginesUntouched();
        }
        String status = shell("raddiag:status --wait 60");
        assertTrue(status, status.contains("healthy"));
        System.out.println("KarafRuntimeIT installed " + names + "; engines " + engines());
    }

    /** Installs a feature (Karaf's default options: auto-refresh on) and checks that all its bundles are active. */
    private void install(String name) throws Exception {
        features.installFeature(name);
        assertTrue(name + " installed", features.isInstalled(features.getFeature(name)));
        for (BundleInfo b : features.getFeature(name).getBundles()) {
            if (b.isDependency()) {
                continue;
            }
            Bundle installed = context.getBundle(b.getLocation());
            assertNotNull(name + ": " + b.getLocation() + " installed", installed);
            Await.until(name + ": " + installed.getSymbolicName() + " active", 30_000,
                    () -> installed.getState() == Bundle.ACTIVE);
        }
    }

    /** Once per container: remembers the engines as booted and records every later event of an engine bundle. */
    private void watchEngines() throws Exception {
        synchronized (ENGINE_EVENTS) {
            if (enginesAtStart != null) {
                return;
            }
            // started (READY or FAILED): while STARTING, initMillis still grows
            Await.until("both engine services started", 300_000, () -> engineServices().size() == 2
                    && engineServices().stream().allMatch(this::engineStarted));
            enginesAtStart = engines();
            BundleListener l = (BundleEvent e) -> {
                if (e.getBundle().getHeaders().get("RadDiag-Engine") != null) {
                    synchronized (ENGINE_EVENTS) {
                        ENGINE_EVENTS.add(e.getBundle().getSymbolicName() + " event " + e.getType());
                    }
                }
            };
            context.addBundleListener(l);
        }
    }

    private void assertEnginesUntouched() throws Exception {
        watchEngines();
        synchronized (ENGINE_EVENTS) {
            assertTrue("engine bundle events (a refresh or restart): " + ENGINE_EVENTS, ENGINE_EVENTS.isEmpty());
        }
        assertEquals(enginesAtStart, engines());
    }

    /** Engine bundles (id, state, last modified) and their EngineStatus services (id, init time), for comparison. */
    private String engines() throws Exception {
        StringBuilder s = new StringBuilder();
        List<Bundle> bundles = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (b.getHeaders().get("RadDiag-Engine") != null) {
                bundles.add(b);
            }
        }
        bundles.sort(Comparator.comparing(Bundle::getSymbolicName));
        assertEquals("two engine bundles", 2, bundles.size());
        for (Bundle b : bundles) {
            s.append(b.getSymbolicName()).append(" id=").append(b.getBundleId()).append(" state=").append(b.getState())
                    .append(" modified=").append(b.getLastModified()).append("; ");
        }
        // a native load is done once per EngineStatus component: a reload would show a new service id and init time
        List<String> services = new ArrayList<>();
        for (ServiceReference<EngineStatus> r : engineServices()) {
            EngineStatus e = context.getService(r);
            try {
                services.add(e.backend() + " id=" + r.getProperty("service.id") + " init=" + e.initMillis() + "ms");
            } finally {
                context.ungetService(r);
            }
        }
        services.sort(null);
        return s.append("EngineStatus services ").append(services).toString();
    }

    private boolean engineStarted(ServiceReference<EngineStatus> r) {
        EngineStatus e = context.getService(r);
        try {
            return e != null && e.state() != EngineStatus.State.STARTING;
        } finally {
            context.ungetService(r);
        }
    }

    private List<ServiceReference<EngineStatus>> engineServices() {
        try {
            return new ArrayList<>(context.getServiceReferences(EngineStatus.class, null));
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Bundle bundleIfAny(String bsn) {
        for (Bundle b : context.getBundles()) {
            if (bsn.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }

    /** Runs a line in a Karaf shell session; what it printed. A command's non-zero exit fails the test. */
    private String shell(String line) throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        try (Session s = sessions.create(new ByteArrayInputStream(new byte[0]), out, out)) {
            s.execute(line);
        }
        String text = buf.toString(StandardCharsets.UTF_8);
        System.out.println("karaf@raddiag> " + line + "\n" + text);
        return text;
    }

    private static Http http() {
        return new Http("http://127.0.0.1:" + System.getProperty(KarafOptions.HTTP_PORT));
    }
}
