package org.raddiag.core.registry;

import com.google.gson.GsonBuilder;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.raddiag.api.cli.Command;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.api.model.ModelPackage;
import org.raddiag.api.model.ModelRef;
import org.raddiag.api.model.ModelRegistry;
import org.raddiag.support.cli.CommandSyntax;
import org.raddiag.support.cli.ParsedArgs;
import org.raddiag.support.cli.SyntaxCommand;

/**
 * {@code models [--json]}: installed model packages with classes, architecture summary, labels, provenance and
 * location. Exit 1 when a package no longer verifies (it is listed with the reason).
 */
@Component(service = Command.class, property = {SyntaxCommand.COMMAND_KIND, SyntaxCommand.COMMAND_NAME + "models"})
public final class ModelsCommand extends SyntaxCommand {
    static final CommandSyntax SYNTAX = CommandSyntax.command("models",
            "Installed model packages with classes, architecture summary, labels, provenance and location;"
            + " exit 1 when a package no longer verifies.")
            .jsonFlag()
            .build();
    private static final String[] SUMMARY_KEYS = {ArchitectureConfig.BACKBONE, ArchitectureConfig.IMAGE_SIZE,
        ArchitectureConfig.DEPTH, ArchitectureConfig.SLOTS, ArchitectureConfig.HIDDEN, ArchitectureConfig.FUSION,
        ArchitectureConfig.HEAD};

    @Reference
    private ModelRegistry registry;

    /** For DS. */
    public ModelsCommand() {
        super(SYNTAX, "installed model packages", false);
    }

    /** Outside OSGi (tests). */
    public ModelsCommand(ModelRegistry registry) {
        this();
        this.registry = registry;
    }

    @Override
    protected int run(ParsedArgs a, PrintStream out, PrintStream err) {
        boolean json = a.flag("json");
        List<Map<String, Object>> rows = new ArrayList<>();
        boolean allValid = true;
        for (ModelRef ref : registry.list()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", ref.name());
            row.put("version", ref.version());
            try {
                Optional<ModelPackage> p = registry.find(ref);
                if (p.isEmpty()) {
                    continue;
                }
                describe(p.get(), row);
            } catch (RuntimeException e) {
                row.put("error", e.getMessage());
                allValid = false;
            }
            rows.add(row);
        }
        if (json) {
            out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(rows));
        } else if (rows.isEmpty()) {
            out.println("no models installed");
        } else {
            rows.forEach(r -> print(r, out));
        }
        return allValid ? 0 : 1;
    }

    private static void describe(ModelPackage p, Map<String, Object> row) {
        ArchitectureConfig a = p.architecture();
        row.put("classes", a.getInt(ArchitectureConfig.CLASSES));
        Map<String, String> arch = new LinkedHashMap<>();
        for (String k : SUMMARY_KEYS) {
            String v = a.get(k, null);
            if (v != null) {
                arch.put(k, v);
            }
        }
        row.put("architecture", arch);
        row.put("labels", p.labels().name());
        row.put("provenance", p.provenance());
        row.put("location", p.weights().getParent().toString());
    }

    @SuppressWarnings("unchecked")
    private static void print(Map<String, Object> r, PrintStream out) {
        out.println(r.get("name") + ":" + r.get("version"));
        if (r.containsKey("error")) {
            out.println("  INVALID: " + r.get("error"));
            return;
        }
        StringBuilder arch = new StringBuilder();
        ((Map<String, String>) r.get("architecture")).forEach((k, v) -> arch.append(' ').append(k).append('=').append(v));
        out.println("  classes " + r.get("classes") + " (" + r.get("labels") + ")," + arch);
        ((Map<String, String>) r.get("provenance")).forEach((k, v) -> out.println("  " + k + ": " + v));
        out.println("  at " + r.get("location"));
    }
}
