package org.raddiag.ingest.dicom.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.raddiag.api.diagnosis.DiagnosisService;
import org.raddiag.api.io.ModalityReader;
import org.raddiag.api.model.ModelRegistry;
import org.raddiag.api.telemetry.MetricSink;
import org.raddiag.api.telemetry.DiagnosisObserver;
import org.raddiag.api.telemetry.MetricSource;
import org.raddiag.support.osgi.ServiceRank;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DICOM network ingest as a DS component: starts the store, the study tracker (with recovery) and the C-STORE
 * SCP from the configuration, follows the diagnosis service, model registry and DICOM reader dynamically, and
 * restarts the SCP only when its address, port, AE title or store change.
 * <p>
 * The diagnosis service, model registry, DICOM readers and diagnosis observers are looked up when a study is
 * diagnosed ({@link ComponentContext#locateService}), not bound at activation: this component is immediate, so
 * binding them would activate them, and all they use, in every process, though the ingest runs only where HTTP is
 * served (a one-shot command spent 0.1 s of its start-up on them).
 */
@Component(service = {StudyIndex.class, MetricSource.class}, immediate = true, configurationPid = DicomIngest.PID,
        reference = {
            @Reference(name = DicomIngest.DIAGNOSIS, service = DiagnosisService.class,
                    cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
                    policyOption = ReferencePolicyOption.GREEDY),
            @Reference(name = DicomIngest.REGISTRY, service = ModelRegistry.class,
                    cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
                    policyOption = ReferencePolicyOption.GREEDY),
            @Reference(name = DicomIngest.OBSERVERS, service = DiagnosisObserver.class,
                    cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
                    policyOption = ReferencePolicyOption.GREEDY),
            @Reference(name = DicomIngest.READERS, service = ModalityReader.class, target = DicomIngest.DICOM_READERS,
                    cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
                    policyOption = ReferencePolicyOption.GREEDY)})
@Designate(ocd = IngestConfig.class)
public final class DicomIngest implements StudyIndex, RuntimeServices, MetricSource {
    static final String PID = "org.raddiag.ingest.dicom";
    static final String DIAGNOSIS = "diagnosis";
    static final String REGISTRY = "registry";
    static final String OBSERVERS = "observers";
    static final String READERS = "readers";
    static final String DICOM_READERS = "(raddiag.format=dicom)";
    private static final Logger LOG = LoggerFactory.getLogger(DicomIngest.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ConfigurationAdmin configAdmin;

    private ComponentContext component;
    private BundleContext context;
    private Settings settings;
    private IngestRuntime running;
    private volatile String off = "not started";

    @Activate
    void activate(ComponentContext cc, IngestConfig config) {
        this.component = cc;
        this.context = cc.getBundleContext();
        routePixelMedLogging();
        apply(config);
    }

    /**
     * PixelMed's logging shim looks up slf4j through the thread context class loader once, when its factory
     * initialises, and otherwise prints on its own; initialise it here with this bundle's loader (which imports
     * org.slf4j) so its messages go through the runtime's logging and its levels ({@code conf/system.properties}).
     */
    private static void routePixelMedLogging() {
        Thread t = Thread.currentThread();
        ClassLoader old = t.getContextClassLoader();
        ClassLoader ours = DicomIngest.class.getClassLoader();
        t.setContextClassLoader(ours);
        try {
            Class.forName("com.pixelmed.slf4j.LoggerFactory", true, ours);
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.debug("PixelMed logging not routed: {}", e.toString());
        } finally {
            t.setContextClassLoader(old);
        }
    }

    @Modified
    void modified(IngestConfig config) {
        apply(config);
    }

    @Deactivate
    synchronized void deactivate() {
        stop();
    }

    private synchronized void apply(IngestConfig config) {
        Settings s;
        try {
            s = Settings.of(config, context);
        } catch (IllegalArgumentException e) {
            stop();
            off = "invalid configuration (PID " + PID + "): " + e.getMessage();
            LOG.warn("DICOM ingest off: {}", off);
            return;
        }
        if (running != null && settings != null && settings.sameListener(s)) {
            running.reconfigure(s);
            settings = s;
            return;
        }
        stop();
        settings = s;
        if (!s.enabled) {
            off = "disabled (enabled=false in PID " + PID + ")";
            LOG.info("DICOM ingest off: {}", off);
        } else if (!s.httpEnabled) {
            off = "runs only in `raddiag serve` and the shell, not in one-shot commands";
        } else {
            try {
                running = IngestRuntime.start(s, InetAddress.getByName(s.address), this);
                off = null;
            } catch (IOException e) {
                off = Uids.redact(e.getMessage());
                LOG.error("DICOM ingest off: {}", off);
            }
        }
    }

    private void stop() {
        if (running != null) {
            running.close();
            running = null;
        }
        off = "stopped";
    }

    @Override
    public JsonObject ingest() {
        State state = state();
        IngestRuntime r = state.running();
        Settings s = state.settings();
        JsonObject o = r != null ? r.status() : new JsonObject();
        o.addProperty("running", r != null && r.listening());
        if (r == null) {
            o.addProperty("reason", off);
        }
        if (s != null) {
            o.addProperty("address", s.address);
            if (r == null) {
                o.addProperty("port", s.port);
            }
            o.addProperty("aeTitle", s.aeTitle);
            o.addProperty("quietPeriodSeconds", s.quietMillis / 1000);
        }
        return o;
    }

    @Override
    public JsonArray studies() {
        IngestRuntime r = current();
        if (r == null) {
            return new JsonArray();
        }
        JsonArray all = r.tracker.list();
        for (com.google.gson.JsonElement e : all) {
            JsonObject o = e.getAsJsonObject();
            o.add("report", r.outbox.status(o.get("studyUid").getAsString()));
        }
        return all;
    }

    @Override
    public JsonObject study(String studyUid) throws IOException {
        IngestRuntime r = current();
        JsonObject o = r == null ? null : r.tracker.get(studyUid);
        if (o != null) {
            o.add("report", r.outbox.status(studyUid));
        }
        return o;
    }

    @Override
    public Stow stow() {
        State state = state();
        IngestRuntime r = state.running();
        if (r == null) {
            return null;
        }
        long max = state.settings().stowMaxBytes;
        return new Stow() {
            @Override
            public Path incoming() {
                return r.store.incoming;
            }

            @Override
            public long maxBytes() {
                return max;
            }

            @Override
            public InstanceIds store(Path file) throws Exception {
                return r.stow(file);
            }
        };
    }

    @Override
    public Archive archive() {
        IngestRuntime r = current();
        return r == null ? null : r.archive;
    }

    @Override
    public void collect(MetricSink sink) {
        IngestRuntime r = current();
        sink.gauge("dicom_ingest_running", "1 while the DICOM C-STORE SCP listens", r != null && r.listening() ? 1 : 0,
                Map.of());
        if (r != null) {
            r.collect(sink);
        }
    }

    @Override
    public Path report(String studyUid) {
        IngestRuntime r = current();
        return r == null ? null : r.outbox.current(studyUid);
    }

    private synchronized IngestRuntime current() {
        return running;
    }

    /** The running ingest (or null) and the settings it was started with, read together. */
    private synchronized State state() {
        return new State(running, settings);
    }

    private record State(IngestRuntime running, Settings settings) {
    }

    @Override
    public DiagnosisService diagnosis() {
        return (DiagnosisService) component.locateService(DIAGNOSIS);
    }

    @Override
    public ModelRegistry registry() {
        return (ModelRegistry) component.locateService(REGISTRY);
    }

    @Override
    public ModalityReader dicomReader() {
        try {
            ServiceReference<?>[] refs = context.getServiceReferences(ModalityReader.class.getName(), DICOM_READERS);
            if (refs == null) {
                return null;
            }
            Arrays.sort(refs, Comparator.comparing(ServiceRank::of)); // preferred first
            for (ServiceReference<?> ref : refs) {
                Object reader = component.locateService(READERS, ref);
                if (reader != null) {
                    return (ModalityReader) reader;
                }
            }
            return null;
        } catch (InvalidSyntaxException | IllegalStateException e) {
            return null; // stopping
        }
    }

    @Override
    public List<DiagnosisObserver> observers() {
        Object[] o = component.locateServices(OBSERVERS);
        if (o == null) {
            return List.of();
        }
        List<DiagnosisObserver> list = new ArrayList<>(o.length);
        for (Object x : o) {
            list.add((DiagnosisObserver) x);
        }
        return list;
    }

    @Override
    public String restDefaultModel() {
        ConfigurationAdmin ca = configAdmin;
        if (ca == null) {
            return null;
        }
        try {
            // listConfigurations does not create (and bind) a configuration the way getConfiguration would
            Configuration[] cs = ca.listConfigurations("(" + Constants.SERVICE_PID + "=org.raddiag.rest)");
            if (cs == null || cs.length == 0) {
                return null;
            }
            Dictionary<String, Object> p = cs[0].getProperties();
            Object m = p == null ? null : p.get("defaultModel");
            return m == null ? null : m.toString();
        } catch (IOException | org.osgi.framework.InvalidSyntaxException | RuntimeException e) {
            return null;
        }
    }
}
