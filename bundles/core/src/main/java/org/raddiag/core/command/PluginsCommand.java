package org.raddiag.core.command;

import com.google.gson.GsonBuilder;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.raddiag.api.cli.Command;
import org.raddiag.support.cli.CommandSyntax;
import org.raddiag.support.cli.ParsedArgs;
import org.raddiag.support.cli.SyntaxCommand;

/** {@code plugins [KIND] [--json]}: RadDiag services grouped by kind (readers, backbones, backends, ...). */
@Component(service = Command.class, property = {SyntaxCommand.COMMAND_KIND, SyntaxCommand.COMMAND_NAME + "plugins"})
public final class PluginsCommand extends SyntaxCommand {
    static final CommandSyntax SYNTAX = CommandSyntax.command("plugins",
            "RadDiag services by kind (reader, backbone, head, backend, runner, dataset, command, ...) with their"
            + " properties and bundles.")
            .jsonFlag()
            .positionals("KIND", "only services of these kinds", 0)
            .build();

    public PluginsCommand() {
        super(SYNTAX, "RadDiag services by kind", false);
    }

    private BundleContext context;

    @Activate
    void activate(BundleContext ctx) {
        this.context = ctx;
    }

    @Override
    protected int run(ParsedArgs a, PrintStream out, PrintStream err) {
        boolean json = a.flag("json");
        List<String> kinds = a.positionals();
        RuntimeSnapshot snapshot = RuntimeSnapshot.take(context);
        Map<String, List<Map<String, Object>>> services = snapshot.services;
        if (!kinds.isEmpty()) {
            services.keySet().retainAll(kinds);
        }
        if (json) {
            out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(services));
            return 0;
        }
        services.forEach((kind, list) -> {
            out.println(kind + " (" + list.size() + "):");
            list.forEach(m -> out.println("  " + Describe.service(m)));
        });
        if (services.isEmpty()) {
            out.println(kinds.isEmpty() ? "no RadDiag services registered" : "no services of kind " + kinds);
        }
        if (snapshot.enginesStarting() || !snapshot.inactiveBundles().isEmpty()) {
            // bin/raddiag runs `plugins` without starting the engines
            out.println("(engines not started yet: backends, runners and the commands that need an engine are not"
                    + " listed; `status` starts and lists everything)");
        }
        return 0;
    }
}
