package org.raddiag.core.rest;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.raddiag.api.cli.Command;
import org.raddiag.support.cli.CommandSyntax;
import org.raddiag.support.cli.ParsedArgs;
import org.raddiag.support.cli.SyntaxCommand;
import org.raddiag.support.cli.UsageException;

/**
 * {@code serve [--wait S]}: keeps the runtime up with its HTTP endpoint (REST API, web page, Web Console), prints
 * the URL once the server listens, and returns when the framework stops (or the process gets Ctrl-C).
 */
@Component(service = Command.class, property = {SyntaxCommand.COMMAND_KIND, SyntaxCommand.COMMAND_NAME + "serve"})
public final class ServeCommand extends SyntaxCommand {
    static final CommandSyntax SYNTAX = CommandSyntax.command("serve",
            "HTTP server: REST API /api/v1, web page /ui/, Web Console /system/console; prints its URL and runs"
            + " until stopped (Ctrl-C).")
            .option("port", "N", "HTTP port, 0 = any free port (default: -Draddiag.http.port, else 8420); read by"
                    + " bin/raddiag before the server starts, so it cannot change a running server")
            .option("wait", "SECONDS", "how long to wait for the HTTP server to listen", "60")
            .build();

    public ServeCommand() {
        super(SYNTAX, "HTTP server: REST API /api/v1, web page /ui/, Web Console /system/console; runs until"
                + " stopped");
    }

    private static final String RUNTIME = "org.osgi.service.http.runtime.HttpServiceRuntime";
    private final CountDownLatch stopped = new CountDownLatch(1);
    private BundleContext context;

    @Activate
    void activate(BundleContext ctx) {
        this.context = ctx;
    }

    @Deactivate
    void deactivate() {
        stopped.countDown();
    }

    @Override
    protected int run(ParsedArgs a, PrintStream out, PrintStream err) throws Exception {
        int waitS = a.intValue("wait");
        if (a.has("port")) {
            int port = a.intValue("port", -1);
            String configured = context.getProperty("org.osgi.service.http.port");
            if (port < 0 || port > 65535) {
                throw new UsageException("--port takes 0 (any free port) to 65535, not " + port);
            }
            if (!Integer.toString(port).equals(configured)) {
                throw new UsageException("--port " + port + " can only be given on the command line of bin/raddiag"
                        + " serve: this runtime's HTTP server is configured with port " + configured);
            }
        }
        String endpoint = null;
        long deadline = System.currentTimeMillis() + waitS * 1000L;
        while (endpoint == null && System.currentTimeMillis() < deadline && stopped.getCount() > 0) {
            endpoint = endpoint();
            if (endpoint == null) {
                Thread.sleep(100);
            }
        }
        if (endpoint == null) {
            err.println("serve: the HTTP server did not start within " + waitS + " s; is the port "
                    + context.getProperty("org.osgi.service.http.port") + " free? (set org.osgi.service.http.port"
                    + " in conf/config.properties or the PID org.apache.felix.http)");
            return 1;
        }
        String base = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        out.println("RadDiag serving at " + base + "/ui/  (API " + base + "/api/v1, OpenAPI " + base
                + "/api/v1/openapi.json, Web Console " + base + "/system/console)");
        out.println("Stop with Ctrl-C.");
        out.flush();
        while (!stopped.await(1, TimeUnit.SECONDS)) {
            if (context.getBundle(0).getState() != org.osgi.framework.Bundle.ACTIVE) {
                break;
            }
        }
        return 0;
    }

    /** The HTTP endpoint the whiteboard runtime publishes, e.g. {@code http://127.0.0.1:8420/}, or null. */
    private String endpoint() throws InvalidSyntaxException {
        ServiceReference<?>[] refs = context.getAllServiceReferences(RUNTIME, null);
        if (refs == null) {
            return null;
        }
        for (ServiceReference<?> r : refs) {
            Object e = r.getProperty("osgi.http.endpoint");
            if (e instanceof String[] && ((String[]) e).length > 0) {
                return ((String[]) e)[0];
            }
            if (e instanceof java.util.Collection && !((java.util.Collection<?>) e).isEmpty()) {
                return String.valueOf(((java.util.Collection<?>) e).iterator().next());
            }
            if (e instanceof String) {
                return (String) e;
            }
        }
        return null;
    }
}
