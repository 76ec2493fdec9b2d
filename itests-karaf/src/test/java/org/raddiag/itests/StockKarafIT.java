package org.raddiag.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import javax.inject.Inject;
import javax.security.auth.Subject;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.ProbeBuilder;
import org.ops4j.pax.exam.TestProbeBuilder;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleListener;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The stock Apache Karaf 4.4.10 distribution ({@code org.apache.karaf:apache-karaf:tar.gz} from Maven Central), with
 * its own boot features and settings, changed only as the README's Karaf section tells a user: the local Maven
 * repository the build filled as Karaf's Maven repository, and no remote one (offline). Then, as a user types them
 * (as Karaf's {@code karaf} user: the command ACLs need the admin role), {@code feature:repo-add} of our features
 * repository, {@code feature:install raddiag-engines} (JNA's arrival restarts Karaf's shell, which ends that
 * session) and {@code feature:install raddiag}: every RadDiag bundle is active, the engine bundles keep their ids,
 * state and stamps, and a diagnosis works through {@code raddiag:diagnose} and through REST on Karaf's Pax Web. The
 * other settings (RadDiag home, ports, the natives' cache) only keep the test off the user's home and fixed ports.
 * About 25 s for the class (boot included) on 2 loaded cores.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StockKarafIT {
    private static final String REPO = "mvn:org.raddiag/raddiag-karaf-features/" + System.getProperty("raddiag.version",
            "0.1.0-SNAPSHOT") + "/xml/features";

    private static final String SESSIONS = "org.apache.karaf.shell.api.console.SessionFactory";

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() throws Exception {
        String mvn = "etc/org.ops4j.pax.url.mvn.cfg";
        List<Option> o = new ArrayList<>();
        o.add(karafDistributionConfiguration()
                .frameworkUrl(maven("org.apache.karaf", "apache-karaf", KarafOptions.KARAF).type("tar.gz"))
                .name("Apache Karaf").karafVersion(KarafOptions.KARAF).unpackDirectory(new File("target/exam-stock"))
                .useDeployFolder(false));
        // what bin/karaf does on Java 17 (Pax Exam does not): without it, OsgiLocator is missing in the boot
        o.add(KarafOptions.javaModules());
        o.add(configureConsole().ignoreLocalConsole());
        // the user's one step (README): Karaf reads artifacts from the local Maven repository, with no remote one
        o.add(editConfigurationFilePut(mvn, "org.ops4j.pax.url.mvn.localRepository", System.getProperty("raddiag.m2")));
        o.add(editConfigurationFilePut(mvn, "org.ops4j.pax.url.mvn.repositories", ""));
        o.add(editConfigurationFilePut(mvn, "org.ops4j.pax.url.mvn.offline", "true"));
        // test isolation only: free ports, a RadDiag home under target/, the natives extracted once for all itests
        o.addAll(KarafOptions.isolation("stock-"));
        o.add(editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort",
                Integer.toString(KarafOptions.freePort())));
        o.add(editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort",
                Integer.toString(KarafOptions.freePort())));
        return o.toArray(new Option[0]);
    }

    /**
     * The probe imports only the framework API, JUnit, Pax Exam and Karaf's JAAS principals (from the system bundle,
     * never refreshed): nothing of RadDiag, nor of Karaf's shell. JNA's
     * arrival (the prerequisite of raddiag-engines) refreshes JLine and every bundle wired to it, the shell included;
     * a probe wired to the shell would be refreshed in the middle of the test. So the shell is reached through the
     * service registry and reflection, and the platform through the shell and HTTP.
     */
    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        return KarafOptions.probe(probe, "javax.security.auth,org.apache.karaf.jaas.boot.principal");
    }

    @Test
    public void repoAddAndInstallIntoStockKarafThenDiagnose() throws Exception {
        long t0 = System.nanoTime();
        shell("feature:repo-add " + REPO);
        // as the README says: the engines first, on their own; JNA's arrival makes Karaf restart its shell
        installRestartingShell("raddiag-engines");
        long deadline = System.currentTimeMillis() + 60_000;
        while (!engines().matches("[^;]*state=32[^;]*; [^;]*state=32[^;]*; EngineStatus services \\[\\d+, \\d+\\]")) {
            assertTrue("engines not active with their services 60 s after raddiag-engines: " + engines(),
                    System.currentTimeMillis() < deadline);
            Thread.sleep(200);
        }
        String engines = engines();
        List<String> engineEvents = new java.util.concurrent.CopyOnWriteArrayList<>();
        BundleListener watch = e -> {
            if (e.getBundle().getHeaders().get("RadDiag-Engine") != null) {
                engineEvents.add(e.getBundle().getSymbolicName() + " event " + e.getType());
            }
        };
        context.addBundleListener(watch);
        shell("feature:install raddiag");
        List<String> notActive = new ArrayList<>();
        int raddiag = 0;
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName() != null && b.getSymbolicName().startsWith("raddiag-")) {
                raddiag++;
                if (b.getState() != Bundle.ACTIVE && b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                    notActive.add(b.getSymbolicName() + " state " + b.getState());
                }
            }
        }
        assertTrue("RadDiag bundles installed: " + raddiag, raddiag >= 20);
        assertTrue("not active: " + notActive, notActive.isEmpty());
        String shellOut = KarafShellScenario.createAndDiagnose(this::shell,
                "healthy: all bundles active, all engines ready", "stock1");
        String rest = restDiagnose("stock1");
        assertTrue(rest, rest.contains("\"model\":\"stock1\"") && rest.contains("\"findings\""));
        String top = rest.replaceFirst("(?s).*?\"probability\":([0-9.]+).*", "$1");
        String printed = String.format(java.util.Locale.ROOT, "p=%.4f", Double.parseDouble(top));
        assertTrue("shell and REST agree on " + printed + ":\n" + shellOut, shellOut.contains(printed));
        context.removeBundleListener(watch);
        assertTrue("engine bundle events (a refresh or restart): " + engineEvents, engineEvents.isEmpty());
        assertEquals("engine bundles and services after feature:install raddiag", engines, engines());
        System.out.println("StockKarafIT: " + raddiag + " RadDiag bundles active in stock Karaf " + KarafOptions.KARAF
                + " (feature:install raddiag), diagnosed by shell and REST (" + printed + "), engines untouched: "
                + engines + "; " + (System.nanoTime() - t0) / 1_000_000 + " ms after boot");
    }

    /**
     * {@code feature:install} of a feature that brings JNA: Karaf's JLine imports JNA optionally, so Karaf refreshes
     * JLine and with it its shell, which ends the shell session running the command (a user's ssh or console session
     * too). The install itself goes on: the test waits until {@code feature:list -i} in a new session lists it.
     */
    private void installRestartingShell(String feature) throws Exception {
        String ended = "the session was not ended";
        try {
            shell("feature:install " + feature);
        } catch (Exception | AssertionError e) {
            Thread.interrupted();
            ended = "its session ended with " + e;
        }
        System.out.println("StockKarafIT: feature:install " + feature + ": " + ended);
        long deadline = System.currentTimeMillis() + 180_000;
        while (true) {
            try {
                if (shell("feature:list -i").matches("(?s).*\\b" + feature + "\\b[^\\n]*\\bStarted\\b.*")) {
                    return;
                }
            } catch (Exception | AssertionError e) {
                Thread.interrupted();
            }
            assertTrue(feature + " not started 180 s after feature:install (" + ended + ")",
                    System.currentTimeMillis() < deadline);
            Thread.sleep(1000);
        }
    }

    /**
     * The engine bundles (header RadDiag-Engine): name, id, state and last-modified stamp, then the ids of the
     * EngineStatus services (by name: the probe does not import RadDiag's API), which change if an engine restarts.
     */
    private String engines() throws InvalidSyntaxException {
        List<String> e = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (b.getHeaders().get("RadDiag-Engine") != null) {
                e.add(b.getSymbolicName() + " id=" + b.getBundleId() + " state=" + b.getState() + " modified="
                        + b.getLastModified());
            }
        }
        e.sort(null);
        assertEquals("two engine bundles: " + e, 2, e.size());
        List<Long> services = new ArrayList<>();
        ServiceReference<?>[] refs = context.getServiceReferences((String) null,
                "(objectClass=org.raddiag.api.compute.EngineStatus)");
        for (ServiceReference<?> r : refs == null ? new ServiceReference<?>[0] : refs) {
            services.add((Long) r.getProperty(Constants.SERVICE_ID));
        }
        services.sort(null);
        return String.join("; ", e) + "; EngineStatus services " + services;
    }

    /** POST /api/v1/diagnoses with the scan as a multipart upload; the JSON reply (status 200 required). */
    private static String restDiagnose(String model) throws Exception {
        String boundary = "stock" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\n" + model
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.npy\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(Files.readAllBytes(KarafShellScenario.demoScan()));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + System.getProperty(KarafOptions.HTTP_PORT)
                + "/api/v1/diagnoses")).timeout(Duration.ofMinutes(2))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(r.body(), 200, r.statusCode());
        return r.body().replace(" ", "");
    }

    /**
     * Runs a line in a new Karaf shell session (the current SessionFactory service, called reflectively) as a user in
     * the roles of Karaf's {@code karaf} user (admin, manager, viewer), as a login would; what it printed. A command's
     * non-zero exit fails the test. Without a user, Karaf's command ACLs ({@code etc/org.apache.karaf.command.acl.*})
     * hide every command that needs a role: {@code feature:repo-add} runs, {@code feature:install} (admin) answers
     * "Command not found".
     */
    private String shell(String line) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        Subject karaf = new Subject();
        karaf.getPrincipals().add(new UserPrincipal("karaf"));
        for (String role : new String[] {"admin", "manager", "viewer", "systembundles", "ssh"}) {
            karaf.getPrincipals().add(new RolePrincipal(role));
        }
        while (true) {
            try {
                return Subject.doAs(karaf, (PrivilegedExceptionAction<String>) () -> shellOnce(line, deadline));
            } catch (PrivilegedActionException e) {
                if (!(e.getException() instanceof CommandNotFound)) {
                    throw e.getException();
                }
                // Karaf registers its commands (and, after a refresh, again) asynchronously
                assertTrue(line + ": command not found for 60 s", System.currentTimeMillis() < deadline);
                Thread.sleep(500);
            }
        }
    }

    private String shellOnce(String line, long deadline) throws Exception {
        ServiceReference<?> ref;
        while ((ref = context.getServiceReference(SESSIONS)) == null) {
            assertTrue("no " + SESSIONS + " service for 60 s", System.currentTimeMillis() < deadline);
            Thread.sleep(200);
        }
        Object factory = context.getService(ref);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        try {
            Class<?> api = ref.getBundle().loadClass(SESSIONS);
            Class<?> sessionApi = ref.getBundle().loadClass("org.apache.karaf.shell.api.console.Session");
            Method create = api.getMethod("create", java.io.InputStream.class, PrintStream.class,
                    PrintStream.class);
            Object session = create.invoke(factory, new ByteArrayInputStream(new byte[0]), out, out);
            try {
                sessionApi.getMethod("execute", CharSequence.class).invoke(session, line);
            } finally {
                sessionApi.getMethod("close").invoke(session);
            }
        } catch (InvocationTargetException e) {
            if (e.getCause().getClass().getSimpleName().equals("CommandNotFoundException")) {
                throw new CommandNotFound();
            }
            throw new AssertionError(line + ": " + e.getCause() + "\n" + buf.toString(StandardCharsets.UTF_8),
                    e.getCause());
        } finally {
            context.ungetService(ref);
        }
        String text = buf.toString(StandardCharsets.UTF_8);
        System.out.println("karaf@root> " + line + "\n" + text);
        return text;
    }

    private static final class CommandNotFound extends Exception {
        private static final long serialVersionUID = 1L;
    }
}
