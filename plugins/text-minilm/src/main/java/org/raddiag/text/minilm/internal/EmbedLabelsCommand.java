package org.raddiag.text.minilm.internal;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.raddiag.api.cli.Command;
import org.raddiag.api.text.KnowledgeLabels;
import org.raddiag.api.text.LabelEmbeddingFile;
import org.raddiag.api.text.TextEncoder;
import org.raddiag.support.cli.CommandSyntax;
import org.raddiag.support.cli.ParsedArgs;
import org.raddiag.support.cli.SyntaxCommand;
import org.raddiag.support.cli.UsageException;

/**
 * {@code embed-labels --labels FILE [--encoder NAME] [--knowledge MODEL] --out FILE.npy [--json]}: the label
 * embeddings the knowledge head reads, a float32 {@code (classes, dim)} .npy whose row i is class i (with the record
 * {@code FILE.npy.json} of what made it). Any installed text encoder is reached by name through the platform's
 * {@link KnowledgeLabels} service; it is only started (its model loaded) when this command uses it.
 * {@code --knowledge MODEL} is the same as {@code --encoder knowledge:MODEL} (a model of {@code train-knowledge});
 * given with {@code --encoder}, that must be the model's base encoder.
 */
@Component(service = Command.class,
        property = {SyntaxCommand.COMMAND_KIND, SyntaxCommand.COMMAND_NAME + "embed-labels"})
public final class EmbedLabelsCommand extends SyntaxCommand {
    static final String NAME = "embed-labels";
    static final CommandSyntax SYNTAX = CommandSyntax.command(NAME,
            "Writes the text embeddings of class names (one row per class, L2-normalised) as a float32 .npy for the"
            + " knowledge head.")
            .required("labels", "FILE", "class names: one per line, or a JSON {name: index} label dictionary")
            .option("encoder", "NAME", "text encoder, e.g. " + EncoderLoader.MINILM + " (or the base of --knowledge)")
            .option("knowledge", "MODEL", "a knowledge-trained encoder (train-knowledge), i.e. --encoder "
                    + TextEncoder.KNOWLEDGE_PREFIX + "MODEL")
            .required("out", "FILE", "the .npy file to write (replaced atomically)")
            .jsonFlag()
            .build();

    @Reference
    private KnowledgeLabels knowledge;
    private BundleContext context;

    public EmbedLabelsCommand() {
        super(SYNTAX, "text embeddings of class names for the knowledge head");
    }

    @Activate
    void activate(BundleContext ctx) {
        this.context = ctx;
    }

    @Override
    protected int run(ParsedArgs a, PrintStream out, PrintStream err) throws Exception {
        Path labels = Path.of(a.required("labels"));
        String encoderName = a.has("knowledge") ? TextEncoder.KNOWLEDGE_PREFIX + a.value("knowledge")
                : a.value("encoder");
        if (encoderName == null) {
            throw new UsageException("give --encoder NAME or --knowledge MODEL");
        }
        if (a.has("knowledge") && a.has("encoder")) {
            String base = baseOf(encoderName);
            if (base != null && !base.equals(a.value("encoder"))) {
                err.println(NAME + ": knowledge model " + a.value("knowledge") + " adapts encoder '" + base
                        + "', not --encoder " + a.value("encoder"));
                return CommandSyntax.EXIT_FAILURE;
            }
        }
        Path target = Path.of(a.required("out")).toAbsolutePath().normalize();
        if (!target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy")) {
            throw new UsageException("--out must name a .npy file, not " + target);
        }
        if (Files.isDirectory(target)) {
            throw new UsageException("--out " + target + " is a folder");
        }
        List<String> names;
        LabelEmbeddingFile emb;
        long start = System.nanoTime();
        try {
            names = knowledge.readLabels(labels);
            emb = knowledge.write(encoderName, names, target);
        } catch (IOException | IllegalArgumentException e) {
            err.println(NAME + ": " + e.getMessage());
            return CommandSyntax.EXIT_FAILURE;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        for (String w : emb.warnings()) {
            err.println(NAME + ": warning: " + w);
        }
        if (a.flag("json")) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("out", target.toString());
            doc.put("labels", names.size());
            doc.put("dimension", emb.dimension());
            doc.put("encoder", emb.encoder());
            doc.put("pooling", emb.pooling().key());
            doc.put("sha256", emb.sha256());
            doc.put("seconds", seconds);
            doc.put("warnings", emb.warnings());
            out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(doc));
        } else {
            out.printf(Locale.ROOT, "wrote %s: %d labels x %d (%s, %s pooling) in %.1f s%s%n", target,
                    names.size(), emb.dimension(), emb.encoder(), emb.pooling().key(), seconds,
                    emb.warnings().isEmpty() ? "" : ", " + emb.warnings().size() + " warning(s)");
        }
        return CommandSyntax.EXIT_OK;
    }

    /** The base encoder a knowledge-trained encoder adapts ({@link TextEncoder#BASE}), or null when not installed. */
    private String baseOf(String encoder) throws InvalidSyntaxException {
        if (context == null) {
            return null;
        }
        for (ServiceReference<TextEncoder> r : context.getServiceReferences(TextEncoder.class,
                "(" + TextEncoder.ENCODER + "=" + encoder + ")")) {
            Object base = r.getProperty(TextEncoder.BASE);
            if (base != null) {
                return base.toString();
            }
        }
        return null;
    }
}
