package org.raddiag.knowledge.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.raddiag.api.ServiceProperties;
import org.raddiag.api.text.TextEncoder;
import org.raddiag.support.home.RaddiagHome;
import org.raddiag.support.osgi.NamedServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes one {@link TextEncoder} service ({@code raddiag.encoder=knowledge:NAME}, {@code raddiag.knowledge=NAME})
 * per finished knowledge model while its base encoder is registered: the models of {@code <home>/knowledge/} found
 * at start, and each model {@code train-knowledge} finishes (no restart). When the base encoder goes, so does the
 * knowledge encoder; it comes back with the base. Also hands the base encoders to {@code train-knowledge}.
 */
@Component(service = KnowledgeEncoders.class, immediate = true)
public final class KnowledgeEncoders {
    /** Service property of a knowledge encoder: the model's name. Base encoders are those without it. */
    static final String KNOWLEDGE = "raddiag.knowledge";
    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeEncoders.class);

    private final BundleContext context;
    private final NamedServices<ServiceReference<TextEncoder>> bases = new NamedServices<>("text encoder");
    private final Map<String, KnowledgeModel> models = new TreeMap<>();
    private final Map<String, Published> published = new TreeMap<>();

    /** A registered knowledge encoder and the base service it uses (obtained on first use). */
    private final class Published {
        final ServiceReference<TextEncoder> base;
        final ServiceRegistration<TextEncoder> registration;
        private TextEncoder got;

        Published(KnowledgeModel model, ServiceReference<TextEncoder> base) {
            this.base = base;
            Hashtable<String, Object> p = new Hashtable<>();
            p.put(ServiceProperties.KIND, TextEncoder.KIND);
            p.put(TextEncoder.ENCODER, KnowledgeModel.encoderName(model.name()));
            p.put(KNOWLEDGE, model.name());
            p.put(KnowledgeModel.META_BASE, model.base());
            this.registration = context.registerService(TextEncoder.class,
                    new KnowledgeEncoder(model, this::baseService), p);
        }

        synchronized TextEncoder baseService() {
            if (got == null) {
                got = context.getService(base);
            }
            return got;
        }

        void close() {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping
            }
            synchronized (this) {
                if (got != null) {
                    got = null;
                    try {
                        context.ungetService(base);
                    } catch (IllegalStateException alreadyGone) {
                        // the framework already released it
                    }
                }
            }
        }
    }

    /** Reads the finished models of the home; they are published as their base encoders are bound. */
    @Activate
    public KnowledgeEncoders(BundleContext context) {
        this.context = context;
        Path root = KnowledgeModel.home(RaddiagHome.current());
        if (Files.isDirectory(root)) {
            try (var folders = Files.list(root)) {
                for (Path f : (Iterable<Path>) folders::iterator) {
                    if (KnowledgeModel.isFinished(f)) {
                        try {
                            KnowledgeModel m = KnowledgeModel.load(f);
                            models.put(m.name(), m);
                        } catch (IOException e) {
                            LOG.warn("knowledge model {} is not published: {}", f, e.getMessage());
                        }
                    }
                }
            } catch (IOException e) {
                LOG.warn("cannot list the knowledge models in {}: {}", root, e.getMessage());
            }
        }
    }

    @Reference(service = TextEncoder.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            target = "(!(" + KNOWLEDGE + "=*))")
    void bindBase(ServiceReference<TextEncoder> ref) {
        bases.add(String.valueOf(ref.getProperty(TextEncoder.ENCODER)), ref, properties(ref));
        refreshNow();
    }

    void unbindBase(ServiceReference<TextEncoder> ref) {
        bases.remove(String.valueOf(ref.getProperty(TextEncoder.ENCODER)), ref, properties(ref));
        refreshNow();
    }

    @Deactivate
    synchronized void deactivate() {
        bases.close();
        published.values().forEach(Published::close);
        published.clear();
    }

    /** Publishes (or replaces) the knowledge encoder of a model that has just been trained. */
    synchronized void publish(KnowledgeModel model) {
        models.put(model.name(), model);
        Published old = published.remove(model.name());
        if (old != null) {
            old.close();
        }
        refresh();
    }

    /**
     * The base encoder named {@code name} (the one in use by the project's rule among same-named services), waiting
     * up to {@code waitMs} for it.
     *
     * @throws IOException naming the encoder and the installed ones when none came in time
     */
    ServiceReference<TextEncoder> base(String name, long waitMs) throws IOException {
        return bases.require(name, System.nanoTime() + waitMs * 1_000_000);
    }

    private static Map<String, Object> properties(ServiceReference<?> ref) {
        Map<String, Object> p = new HashMap<>();
        for (String key : ref.getPropertyKeys()) {
            p.put(key, ref.getProperty(key));
        }
        return p;
    }

    private synchronized void refreshNow() {
        refresh();
    }

    /** Brings the registrations in line with the models and the base encoders present. */
    private void refresh() {
        for (Iterator<Map.Entry<String, Published>> it = published.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, Published> e = it.next();
            KnowledgeModel m = models.get(e.getKey());
            if (m == null || !e.getValue().base.equals(bases.get(m.base()))) {
                e.getValue().close();
                it.remove();
            }
        }
        for (KnowledgeModel m : models.values()) {
            ServiceReference<TextEncoder> b = bases.get(m.base());
            if (b != null && !published.containsKey(m.name())) {
                published.put(m.name(), new Published(m, b));
            }
        }
    }
}
