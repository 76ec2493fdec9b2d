package org.raddiag.knowledge.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.Iterator;
import java.util.List;
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
    private final List<ServiceReference<TextEncoder>> bases = new ArrayList<>();
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
    synchronized void bindBase(ServiceReference<TextEncoder> ref) {
        bases.add(ref);
        refresh();
    }

    synchronized void unbindBase(ServiceReference<TextEncoder> ref) {
        bases.remove(ref);
        refresh();
    }

    @Deactivate
    synchronized void deactivate() {
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

    /** The names of the registered base encoders, for error messages. */
    synchronized List<String> baseNames() {
        return bases.stream().map(r -> String.valueOf(r.getProperty(TextEncoder.ENCODER))).sorted().distinct()
                .toList();
    }

    /** The highest-ranked base encoder named {@code name}, or null. */
    synchronized ServiceReference<TextEncoder> base(String name) {
        ServiceReference<TextEncoder> best = null;
        for (ServiceReference<TextEncoder> r : bases) {
            if (name.equals(String.valueOf(r.getProperty(TextEncoder.ENCODER)))
                    && (best == null || r.compareTo(best) > 0)) {
                best = r;
            }
        }
        return best;
    }

    /** Brings the registrations in line with the models and the base encoders present. */
    private void refresh() {
        for (Iterator<Map.Entry<String, Published>> it = published.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, Published> e = it.next();
            KnowledgeModel m = models.get(e.getKey());
            if (m == null || !e.getValue().base.equals(base(m.base()))) {
                e.getValue().close();
                it.remove();
            }
        }
        for (KnowledgeModel m : models.values()) {
            ServiceReference<TextEncoder> b = base(m.base());
            if (b != null && !published.containsKey(m.name())) {
                published.put(m.name(), new Published(m, b));
            }
        }
    }
}
