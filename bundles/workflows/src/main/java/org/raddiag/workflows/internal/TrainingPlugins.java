package org.raddiag.workflows.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.raddiag.api.ServiceProperties;
import org.raddiag.api.train.DatasetLayout;
import org.raddiag.api.train.Trainer;

/**
 * The trainer and dataset-layout plugins, as services only: the workflows import no plugin, so a second trainer or
 * dataset plugin needs no change here. Selected by the name in their service property; among several of one name
 * the highest {@code service.ranking} wins, then the lowest {@code service.id}.
 */
@Component(service = TrainingPlugins.class)
public final class TrainingPlugins {
    private record Entry<T>(String name, int ranking, long id, T service) {
    }

    private final List<Entry<Trainer>> trainers = new CopyOnWriteArrayList<>();
    private final List<Entry<DatasetLayout>> layouts = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addTrainer(Trainer t, Map<String, Object> props) {
        trainers.add(entry(t, props, ServiceProperties.TRAINER, Trainer::name));
    }

    void removeTrainer(Trainer t) {
        trainers.removeIf(e -> e.service() == t);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addLayout(DatasetLayout l, Map<String, Object> props) {
        layouts.add(entry(l, props, ServiceProperties.DATASET, DatasetLayout::name));
    }

    void removeLayout(DatasetLayout l) {
        layouts.removeIf(e -> e.service() == l);
    }

    /**
     * The trainer called {@code name}, or with {@code null} the only one installed.
     *
     * @throws IllegalArgumentException naming the installed trainers
     */
    Trainer trainer(String name) {
        if (name == null) {
            TreeSet<String> names = names(trainers);
            if (names.size() != 1) {
                throw new IllegalArgumentException(names.isEmpty() ? "no trainer plugin is installed"
                        : "several trainer plugins are installed " + names + ": choose one with --trainer NAME");
            }
            name = names.first();
        }
        return pick("trainer", name, trainers);
    }

    /** The dataset layout called {@code name} ({@code rp3d}, {@code phantom}, ...). */
    DatasetLayout layout(String name) {
        return pick("dataset layout", name, layouts);
    }

    private static <T> T pick(String kind, String name, List<Entry<T>> entries) {
        return entries.stream().filter(e -> e.name().equals(name))
                .min(Comparator.comparingInt((Entry<T> e) -> -e.ranking()).thenComparingLong(Entry::id))
                .map(Entry::service)
                .orElseThrow(() -> new IllegalArgumentException("no " + kind + " plugin '" + name
                        + "' is installed (installed: " + names(entries) + ")"));
    }

    private static <T> TreeSet<String> names(List<Entry<T>> entries) {
        TreeSet<String> s = new TreeSet<>();
        entries.forEach(e -> s.add(e.name()));
        return s;
    }

    private static <T> Entry<T> entry(T service, Map<String, Object> props, String nameKey, Function<T, String> name) {
        Object n = props.get(nameKey);
        Object r = props.get(Constants.SERVICE_RANKING);
        Object id = props.get(Constants.SERVICE_ID);
        return new Entry<>(n instanceof String s ? s : name.apply(service), r instanceof Integer i ? i : 0,
                id instanceof Long l ? l : Long.MAX_VALUE, service);
    }

    /** For messages: the names of the installed trainers. */
    List<String> trainerNames() {
        return new ArrayList<>(names(trainers));
    }
}
