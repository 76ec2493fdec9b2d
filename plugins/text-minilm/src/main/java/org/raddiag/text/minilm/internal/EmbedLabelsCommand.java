package org.raddiag.text.minilm.internal;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.CollectionType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.FieldOption;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.raddiag.api.ServiceProperties;
import org.raddiag.api.cli.Command;
import org.raddiag.api.text.KnowledgeLabels;
import org.raddiag.api.text.TextEmbeddings;
import org.raddiag.api.text.TextEncoder;
import org.raddiag.support.cli.CommandSyntax;
import org.raddiag.support.cli.ParsedArgs;
import org.raddiag.support.cli.UsageException;
import org.raddiag.support.files.DurableFiles;
import org.raddiag.support.numpy.NpyWriter;

/**
 * {@code embed-labels --labels FILE --encoder NAME --out FILE.npy [--json]}: the label embeddings the knowledge head
 * reads, a float32 {@code (classes, dim)} .npy whose row i is class i. Any installed text encoder is reached as a
 * service by name; it is only started (its model loaded) when this command uses it.
 */
@Component(property = {ServiceProperties.KIND + "=" + ServiceProperties.KIND_COMMAND,
        ServiceProperties.COMMAND + "=" + EmbedLabelsCommand.NAME})
public final class EmbedLabelsCommand implements Command {
    static final String NAME = "embed-labels";
    /** How long a named encoder may take to appear (a folder encoder whose configuration was just added). */
    static final long ENCODER_WAIT_MS = 10_000;
    static final CommandSyntax SYNTAX = CommandSyntax.command(NAME,
            "Writes the text embeddings of class names (one row per class, L2-normalised) as a float32 .npy for the"
            + " knowledge head.")
            .required("labels", "FILE", "class names: one per line, or a JSON {name: index} label dictionary")
            .required("encoder", "NAME", "text encoder, e.g. " + EncoderLoader.MINILM)
            .required("out", "FILE", "the .npy file to write (replaced atomically)")
            .flag("json", "machine-readable output")
            .build();

    @Reference
    private KnowledgeLabels knowledge;

    @Reference(service = TextEncoder.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            fieldOption = FieldOption.UPDATE, collectionType = CollectionType.SERVICEOBJECTS)
    private final List<ComponentServiceObjects<TextEncoder>> encoders = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "text embeddings of class names for the knowledge head  " + SYNTAX.synopsis();
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) throws Exception {
        return SYNTAX.run(arguments, out, err, a -> run(a, out, err));
    }

    private int run(ParsedArgs a, PrintStream out, PrintStream err) throws Exception {
        Path labels = Path.of(a.required("labels"));
        String encoderName = a.required("encoder");
        Path target = Path.of(a.required("out")).toAbsolutePath().normalize();
        if (!target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy")) {
            throw new UsageException("--out must name a .npy file, not " + target);
        }
        if (Files.isDirectory(target)) {
            throw new UsageException("--out " + target + " is a folder");
        }
        List<String> names;
        try {
            names = knowledge.readLabels(labels);
        } catch (IOException e) {
            err.println(NAME + ": " + e.getMessage());
            return CommandSyntax.EXIT_FAILURE;
        }
        ComponentServiceObjects<TextEncoder> cso = await(encoderName);
        if (cso == null) {
            err.println(NAME + ": no text encoder '" + encoderName + "' is installed (installed: " + installed() + ")");
            return CommandSyntax.EXIT_FAILURE;
        }
        TextEncoder encoder = cso.getService();
        if (encoder == null) {
            err.println(NAME + ": text encoder '" + encoderName + "' could not start (see the log)");
            return CommandSyntax.EXIT_FAILURE;
        }
        try {
            long start = System.nanoTime();
            TextEmbeddings emb;
            try {
                emb = encoder.embed(names);
            } catch (IllegalArgumentException e) {
                err.println(NAME + ": " + labels + ": " + e.getMessage());
                return CommandSyntax.EXIT_FAILURE;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            int dim = encoder.dimension();
            float[] flat = new float[names.size() * dim];
            for (int i = 0; i < names.size(); i++) {
                System.arraycopy(emb.vectors()[i], 0, flat, i * dim, dim);
            }
            DurableFiles.write(target, NpyWriter.float32(flat, new long[] {names.size(), dim}, false));
            for (String w : emb.warnings()) {
                err.println(NAME + ": warning: " + w);
            }
            if (a.flag("json")) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("out", target.toString());
                doc.put("labels", names.size());
                doc.put("dimension", dim);
                doc.put("encoder", encoder.name());
                doc.put("pooling", encoder.pooling().key());
                doc.put("maxTokens", encoder.maxTokens());
                doc.put("seconds", seconds);
                doc.put("warnings", emb.warnings());
                out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(doc));
            } else {
                out.printf(Locale.ROOT, "wrote %s: %d labels x %d (%s, %s pooling) in %.1f s%s%n", target,
                        names.size(), dim, encoder.name(), encoder.pooling().key(), seconds,
                        emb.warnings().isEmpty() ? "" : ", " + emb.warnings().size() + " warning(s)");
            }
            return CommandSyntax.EXIT_OK;
        } finally {
            cso.ungetService(encoder);
        }
    }

    /** The encoder named {@code name} with the highest rank, waiting a little for one to be registered. */
    private ComponentServiceObjects<TextEncoder> await(String name) throws InterruptedException {
        long deadline = System.nanoTime() + ENCODER_WAIT_MS * 1_000_000;
        while (true) {
            ComponentServiceObjects<TextEncoder> best = null;
            for (ComponentServiceObjects<TextEncoder> c : new ArrayList<>(encoders)) {
                ServiceReference<TextEncoder> r = c.getServiceReference();
                if (r != null && name.equals(String.valueOf(r.getProperty(TextEncoder.ENCODER)))
                        && (best == null || r.compareTo(best.getServiceReference()) > 0)) {
                    best = c;
                }
            }
            if (best != null || System.nanoTime() > deadline) {
                return best;
            }
            Thread.sleep(100);
        }
    }

    private TreeSet<String> installed() {
        TreeSet<String> names = new TreeSet<>();
        for (ComponentServiceObjects<TextEncoder> c : encoders) {
            ServiceReference<TextEncoder> r = c.getServiceReference();
            if (r != null) {
                names.add(String.valueOf(r.getProperty(TextEncoder.ENCODER)));
            }
        }
        return names;
    }
}
