package org.raddiag.shell.internal;

import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.felix.service.command.Function;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.raddiag.api.cli.Command;

/**
 * Mirrors every {@link Command} service as a Gogo function {@code raddiag:<name>}, following commands as they come
 * and go with their plugins.
 */
@Component(immediate = true)
public final class GogoCommands {
    private final Set<Command> commands = new LinkedHashSet<>();
    private final Map<Command, ServiceRegistration<Function>> published = new HashMap<>();
    private BundleContext context;

    @Activate
    synchronized void activate(BundleContext ctx) {
        context = ctx;
        commands.forEach(this::publish);
    }

    @Deactivate
    synchronized void deactivate() {
        published.values().forEach(ServiceRegistration::unregister);
        published.clear();
        context = null;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    synchronized void addCommand(Command c) {
        commands.add(c);
        if (context != null) {
            publish(c);
        }
    }

    synchronized void removeCommand(Command c) {
        commands.remove(c);
        ServiceRegistration<Function> r = published.remove(c);
        if (r != null) {
            r.unregister();
        }
    }

    private void publish(Command c) {
        Dictionary<String, Object> p = new Hashtable<>();
        p.put("osgi.command.scope", "raddiag");
        p.put("osgi.command.function", new String[] {c.name()});
        published.put(c, context.registerService(Function.class, new CommandFunction(c), p));
    }
}
