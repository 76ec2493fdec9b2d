package org.raddiag.shell.internal;

import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.felix.service.command.Function;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.raddiag.api.ServiceProperties;
import org.raddiag.api.cli.Command;

/**
 * Mirrors every {@link Command} service as a Gogo function {@code raddiag:<name>}, following commands as they come
 * and go with their plugins. It binds the commands' service references, not the commands: binding a command would
 * activate it and all it uses when the shell starts (each command is got when first typed, {@link CommandFunction}).
 */
@Component(immediate = true)
public final class GogoCommands {
    private final Set<ServiceReference<Command>> commands = new LinkedHashSet<>();
    private final Map<ServiceReference<Command>, Published> published = new HashMap<>();
    private BundleContext context;

    private record Published(CommandFunction function, ServiceRegistration<Function> registration) {
    }

    @Activate
    synchronized void activate(BundleContext ctx) {
        context = ctx;
        commands.forEach(this::publish);
    }

    @Deactivate
    synchronized void deactivate() {
        published.values().forEach(GogoCommands::withdraw);
        published.clear();
        context = null;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    synchronized void addCommand(ServiceReference<Command> c) {
        commands.add(c);
        if (context != null) {
            publish(c);
        }
    }

    synchronized void removeCommand(ServiceReference<Command> c) {
        commands.remove(c);
        Published p = published.remove(c);
        if (p != null) {
            withdraw(p);
        }
    }

    private void publish(ServiceReference<Command> c) {
        Object name = c.getProperty(ServiceProperties.COMMAND);
        if (name == null) {
            return; // not a command the platform can name
        }
        Dictionary<String, Object> p = new Hashtable<>();
        p.put("osgi.command.scope", "raddiag");
        p.put("osgi.command.function", new String[] {name.toString()});
        CommandFunction f = new CommandFunction(context, c, name.toString());
        published.put(c, new Published(f, context.registerService(Function.class, f, p)));
    }

    private static void withdraw(Published p) {
        try {
            p.registration.unregister();
        } catch (IllegalStateException e) {
            // already unregistered: this bundle is stopping
        }
        p.function.release();
    }
}
