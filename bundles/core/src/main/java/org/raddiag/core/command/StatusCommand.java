package org.raddiag.core.command;

import com.google.gson.GsonBuilder;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.raddiag.api.cli.Command;
import org.raddiag.support.home.RaddiagHome;
import org.raddiag.support.cli.CommandSyntax;
import org.raddiag.support.cli.ParsedArgs;
import org.raddiag.support.cli.SyntaxCommand;

/**
 * {@code status [--json] [--wait SECONDS]}: bundles, RadDiag services by kind, engines and their state. Waits (by
 * default up to 120 s) for engines that are still starting. Exit status 1 when a bundle is not active or an engine
 * failed, so scripts can use it as a health check.
 */
@Component(service = Command.class, property = {SyntaxCommand.COMMAND_KIND, SyntaxCommand.COMMAND_NAME + "status"})
public final class StatusCommand extends SyntaxCommand {
    static final CommandSyntax SYNTAX = CommandSyntax.command("status",
            "Bundles and their state, RadDiag services by kind, engines and their state, startup time;"
            + " exit 1 if a bundle is not active or an engine failed.")
            .jsonFlag()
            .option("wait", "SECONDS", "how long to wait for starting engines", "120")
            .build();

    public StatusCommand() {
        super(SYNTAX, "bundles, services by kind, engines and their state");
    }

    private BundleContext context;

    @Activate
    void activate(BundleContext ctx) {
        this.context = ctx;
    }

    @Override
    protected int run(ParsedArgs a, PrintStream out, PrintStream err) throws Exception {
        boolean json = a.flag("json");
        long waitMs = (long) (a.doubleValue("wait", 120) * 1000);
        long deadline = System.currentTimeMillis() + waitMs;
        RuntimeSnapshot s = RuntimeSnapshot.take(context);
        while (s.enginesStarting() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            s = RuntimeSnapshot.take(context);
        }
        boolean engineFailed = s.engines.stream().anyMatch(e -> !"READY".equals(e.get("state")));
        boolean healthy = s.inactiveBundles().isEmpty() && !engineFailed;
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("healthy", healthy);
            doc.put("startupMillis", Long.getLong("raddiag.startup.ms", -1));
            doc.put("home", RaddiagHome.current().root().toString());
            RaddiagHome.distribution().ifPresent(d -> doc.put("distribution", d.toString()));
            doc.put("nativeAllocator", allocator());
            doc.put("bundles", s.bundles);
            doc.put("services", s.services);
            doc.put("engines", s.engines);
            out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(doc));
        } else {
            print(s, out);
            out.println("home (user data): " + RaddiagHome.current().root()
                    + RaddiagHome.distribution().map(d -> "; distribution: " + d).orElse(""));
            out.println("native allocator: " + allocator());
            if (Long.getLong("raddiag.startup.ms", -1) >= 0) {
                out.println("startup: all bundles started " + Long.getLong("raddiag.startup.ms") + " ms after JVM start");
            }
            List<String> stopped = s.stoppedOnPurpose();
            if (!stopped.isEmpty()) {
                out.println("not started on purpose (not marked to start: the HTTP and shell bundles in a one-shot"
                        + " command, or stopped by hand): " + String.join(", ", stopped));
            }
            String others = stopped.isEmpty() ? "" : "other ";
            out.println(healthy ? "healthy: all " + others + "bundles active, all engines ready"
                    : "NOT healthy: " + s.inactiveBundles().size() + " bundle(s) not active"
                            + (engineFailed ? ", an engine is not ready" : ""));
        }
        return healthy ? 0 : 1;
    }

    /** What bin/raddiag preloaded for the engines' native memory (see the launcher script). */
    static String allocator() {
        String lib = System.getenv("RADDIAG_ALLOCATOR");
        return lib != null && !lib.isEmpty() ? "jemalloc (" + lib + ")"
                : "the C library's malloc (install libjemalloc2 for 2-3x faster PyTorch inference and training)";
    }

    private static void print(RuntimeSnapshot s, PrintStream out) {
        out.println("Bundles (" + s.bundles.size() + "):");
        for (Map<String, Object> b : s.bundles) {
            out.printf("  %3s %-11s %s %s%n", b.get("id"), b.get("state"), b.get("name"), b.get("version"));
        }
        out.println("Services by kind:");
        s.services.forEach((kind, list) -> {
            out.println("  " + kind + ":");
            for (Map<String, Object> m : list) {
                out.println("    " + Describe.service(m));
            }
        });
        out.println("Engines:");
        if (s.engines.isEmpty()) {
            out.println("  (none installed)");
        }
        for (Map<String, Object> e : s.engines) {
            out.printf("  %-12s %-8s %6s ms  %s%n", e.get("backend"), e.get("state"), e.get("initMillis"), e.get("detail"));
        }
    }
}
