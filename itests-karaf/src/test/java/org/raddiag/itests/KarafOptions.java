package org.raddiag.itests;

import static org.ops4j.pax.exam.CoreOptions.vmOptions;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.TestProbeBuilder;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.osgi.framework.Constants;

/**
 * Pax Exam options that boot the built Karaf assembly ({@code karaf/assembly/target/raddiag-karaf-*.tar.gz}) offline:
 * no remote Maven repository (Pax Exam's own {@code exam} feature comes from the local one), free ports, a fresh
 * RadDiag home under {@code target/itest-homes/}, and a boot with the engines and the shell only, so that the
 * tests install every other feature themselves.
 */
final class KarafOptions {
    /** The HTTP port of Pax Web in the container, as a system property there. */
    static final String HTTP_PORT = "raddiag.itest.http.port";
    static final String BOOT = "package,log,ssh,system,feature,shell,management,service,jaas,deployer,"
            + "diagnostic,bundle,config,kar,scr,raddiag-engines,raddiag-shell";

    static final String KARAF = "4.4.10";

    private KarafOptions() {
    }

    /**
     * The Java module options that Karaf's {@code bin/karaf} passes on Java 9 and later and Pax Exam 4.14's Karaf
     * container does not: without {@code --patch-module java.base=lib/endorsed/org.apache.karaf.specs.locator-*.jar}
     * the boot class {@code org.apache.karaf.specs.activator.Activator} fails on every resolved bundle with
     * {@code NoClassDefFoundError: org/apache/karaf/specs/locator/OsgiLocator}, and Karaf's spec locator (the
     * {@code javax.xml}/JAXB providers that bundles offer) is off. The paths are relative to the Karaf folder, the
     * container's working directory, as in {@code bin/karaf}.
     */
    static Option javaModules() {
        return vmOptions("--add-reads=java.xml=java.logging",
                "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
                "--patch-module=java.base=lib/endorsed/org.apache.karaf.specs.locator-" + KARAF + ".jar",
                "--patch-module=java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + KARAF + ".jar",
                "--add-opens=java.base/java.security=ALL-UNNAMED", "--add-opens=java.base/java.net=ALL-UNNAMED",
                "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
                "--add-opens=java.naming/javax.naming.spi=ALL-UNNAMED",
                "--add-opens=java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.ftp=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED",
                "--add-exports=jdk.xml.dom/org.w3c.dom.html=ALL-UNNAMED",
                "--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED",
                "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
                "--add-exports=java.security.sasl/com.sun.security.sasl=ALL-UNNAMED",
                "--add-exports=java.naming/com.sun.jndi.ldap=ALL-UNNAMED");
    }

    static Option[] runtime() throws IOException {
        Path tarGz = Paths.get(System.getProperty("raddiag.karaf.assembly", "../karaf/assembly/target/missing"));
        if (!Files.isRegularFile(tarGz)) {
            throw new IllegalStateException("Karaf assembly not built: " + tarGz + " (run mvn install from the top)");
        }
        String features = "etc/org.apache.karaf.features.cfg";
        String system = "etc/system.properties";
        List<Option> o = new ArrayList<>();
        o.add(karafDistributionConfiguration().frameworkUrl(tarGz.toUri().toString()).name("RadDiag Karaf")
                .karafVersion(KARAF).unpackDirectory(new File("target/exam")).useDeployFolder(false));
        o.add(javaModules());
        // no local console: on the test's stdin it prints a prompt for every read (thousands of lines of output)
        o.add(configureConsole().ignoreLocalConsole());
        // Karaf's log (data/log/karaf.log): INFO names every bundle a feature install refreshes, and why
        o.add(logLevel(LogLevel.INFO));
        o.add(editConfigurationFilePut(features, "featuresBoot", BOOT));
        // a system property, not an edit of etc/org.ops4j.pax.url.mvn.cfg: changing that PID while the boot features
        // install re-registers the mvn: URL handler under them ("Unknown protocol: mvn")
        o.add(editConfigurationFilePut(system, "org.ops4j.pax.url.mvn.localRepository", System.getProperty("raddiag.m2")));
        o.addAll(isolation("home-"));
        return o.toArray(new Option[0]);
    }

    /**
     * Test isolation only, the same for our assembly and the stock Karaf: free SSH and HTTP ports (the HTTP one also
     * as {@link #HTTP_PORT}), a RadDiag home {@code target/itest-homes/<prefix>*}, the DICOM receiver on any free
     * port (never the fixed default 11112), and the natives extracted once for all itests (as in the Felix itests),
     * not into every container's {@code data/}.
     */
    static List<Option> isolation(String homePrefix) throws IOException {
        Path root = Files.createDirectories(Paths.get("target", "itest-homes").toAbsolutePath());
        Path home = Files.createTempDirectory(root, homePrefix);
        String system = "etc/system.properties";
        List<Option> o = new ArrayList<>();
        o.add(editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", Integer.toString(freePort())));
        int http = freePort();
        o.add(editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", Integer.toString(http)));
        o.add(editConfigurationFilePut(system, HTTP_PORT, Integer.toString(http)));
        o.add(editConfigurationFilePut(system, "raddiag.home", home.toString()));
        o.add(editConfigurationFilePut(system, "raddiag.dicom.port", "0"));
        o.add(editConfigurationFilePut(system, "raddiag.testdata", System.getProperty("raddiag.testdata")));
        for (String p : new String[] {"DJL_CACHE_DIR", "ENGINE_CACHE_DIR"}) {
            o.add(editConfigurationFilePut(system, p, System.getProperty("DJL_CACHE_DIR")));
        }
        return o;
    }

    /**
     * The probe's dynamic imports: what every Karaf itest's probe uses (the framework, JUnit, Hamcrest, Pax Exam) and
     * {@code own}, the comma-separated packages of that test.
     */
    static TestProbeBuilder probe(TestProbeBuilder probe, String own) {
        probe.setHeader(Constants.DYNAMICIMPORT_PACKAGE, own + ",org.osgi.framework,org.osgi.framework.*,org.junit,"
                + "org.junit.*,junit.*,org.hamcrest,org.hamcrest.*,javax.inject,org.ops4j.pax.exam,org.ops4j.pax.exam.*,"
                + "org.ops4j.pax.swissbox.*");
        return probe;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
