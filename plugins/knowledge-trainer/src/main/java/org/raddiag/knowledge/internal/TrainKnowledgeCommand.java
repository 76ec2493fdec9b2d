package org.raddiag.knowledge.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.Deactivate;
import org.raddiag.support.osgi.TrackedServices;
import org.raddiag.api.ServiceProperties;
import org.raddiag.api.cli.Command;
import org.raddiag.api.compute.ComputeBackend;
import org.raddiag.api.text.TextEncoder;
import org.raddiag.support.cli.CommandSyntax;
import org.raddiag.support.cli.ParsedArgs;
import org.raddiag.support.cli.SyntaxCommand;
import org.raddiag.support.cli.UsageException;
import org.raddiag.support.home.RaddiagHome;

/**
 * {@code train-knowledge [--encoder NAME] --out NAME|DIR [--epochs N] [--seed S] [--holdout F] [--disorders N]
 * [--json]}: knowledge pre-training of a text encoder on the ICD-10 map (see {@link KnowledgeRun}). When it
 * finishes the model is published as the text encoder {@code knowledge:NAME}; run again on an interrupted run's
 * folder, it resumes from the last epoch's checkpoint.
 */
@Component(service = Command.class,
        property = {SyntaxCommand.COMMAND_KIND, SyntaxCommand.COMMAND_NAME + "train-knowledge"})
public final class TrainKnowledgeCommand extends SyntaxCommand {
    static final String NAME = "train-knowledge";
    static final String MINILM = "all-minilm-l6-v2";
    /** How long a base encoder may take to appear. */
    static final long ENCODER_WAIT_MS = 10_000;
    static final CommandSyntax SYNTAX = CommandSyntax.command(NAME,
            "Knowledge pre-training: trains a residual adapter on top of a frozen text encoder so that disorders"
            + " sharing an ICD-10 code (and, weaker, a block or chapter) embed close together (symmetric soft-positive"
            + " contrastive loss on DJL/PyTorch), evaluates ICD-code retrieval of held-out disorders (raw vs"
            + " trained) and publishes the result as the text encoder knowledge:NAME. Run again on an interrupted"
            + " run to resume it.")
            .option("encoder", "NAME", "the frozen base encoder (minilm = " + MINILM + ")", MINILM)
            .required("out", "NAME|DIR", "the model: a name (folder <home>/knowledge/NAME) or a folder path")
            .option("epochs", "N", "passes over the training disorders", String.valueOf(KnowledgeSpec.EPOCHS))
            .option("seed", "S", "seeds the split, the initialisation and the batches", "0")
            .option("holdout", "F", "fraction of disorders held out for evaluation", String.valueOf(KnowledgeSpec.HOLDOUT))
            .option("disorders", "N", "train on N disorders only (whole codes, seeded), 0 for all 5,569", "0")
            .option("dict", "FILE", "a disorder -> ICD-10 code JSON map instead of the bundled ICD_dict_1218.json")
            .option("hierarchy", "FILE", "an ICD-10 hierarchy JSON instead of the bundled train_icd_level.json")
            .flag("json", "print the report as JSON")
            .build();

    private final BundleContext context;
    private final KnowledgeEncoders encoders;

    /** PyTorch must run for the training; followed, not referenced, so {@code --help} answers before it starts. */
    private final TrackedServices<ComputeBackend> pytorch;

    @Activate
    public TrainKnowledgeCommand(BundleContext context, @Reference KnowledgeEncoders encoders) {
        super(SYNTAX, "knowledge pre-training of a text encoder on the ICD-10 map");
        this.context = context;
        this.encoders = encoders;
        this.pytorch = TrackedServices.byProperty(context, ComputeBackend.class, "compute backend",
                ServiceProperties.BACKEND);
    }

    @Deactivate
    void deactivate() {
        pytorch.close();
    }

    @Override
    protected int run(ParsedArgs a, PrintStream out, PrintStream err) throws Exception {
        String encoderName = a.value("encoder");
        if ("minilm".equals(encoderName)) {
            encoderName = MINILM;
        }
        Path dir = folder(a.required("out"));
        KnowledgeSpec spec;
        try {
            spec = KnowledgeSpec.of(encoderName, a.intValue("epochs"), a.longValue("seed", 0),
                    a.doubleValue("holdout", KnowledgeSpec.HOLDOUT), a.intValue("disorders"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (a.has("dict") != a.has("hierarchy")) {
            throw new UsageException("--dict and --hierarchy go together");
        }
        IcdKnowledge knowledge;
        try {
            knowledge = a.has("dict") ? IcdKnowledge.read(a.path("dict"), a.path("hierarchy")) : IcdKnowledge.bundled();
        } catch (IOException e) {
            err.println(NAME + ": " + e.getMessage());
            return CommandSyntax.EXIT_FAILURE;
        }
        ServiceReference<TextEncoder> ref;
        try {
            ref = encoders.base(encoderName, ENCODER_WAIT_MS);
        } catch (IOException e) {
            err.println(NAME + ": " + e.getMessage());
            return CommandSyntax.EXIT_FAILURE;
        }
        ServiceObjects<TextEncoder> so = context.getServiceObjects(ref);
        TextEncoder base = so == null ? null : so.getService();
        if (base == null) {
            err.println(NAME + ": text encoder '" + encoderName + "' could not start (see the log)");
            return CommandSyntax.EXIT_FAILURE;
        }
        Map<String, Object> report;
        try {
            pytorch.require("pytorch");
            report = KnowledgeRun.execute(spec, knowledge, base, dir, (epoch, epochs, loss) ->
                    err.printf(Locale.ROOT, "%s: epoch %d/%d loss %.4f%n", NAME, epoch, epochs, loss));
        } catch (IllegalStateException | IllegalArgumentException | IOException e) {
            err.println(NAME + ": " + e.getMessage());
            return CommandSyntax.EXIT_FAILURE;
        } finally {
            so.ungetService(base);
        }
        encoders.publish(KnowledgeModel.load(dir));
        if (a.flag("json")) {
            out.println(KnowledgeRun.JSON.toJson(report));
        } else {
            Retrieval raw = (Retrieval) report.get("raw");
            Retrieval trained = (Retrieval) report.get("trained");
            out.printf(Locale.ROOT, "trained %s in %s (%d disorders, %d held out)%n", report.get("model"), dir,
                    report.get("disorders"), report.get("heldOutDisorders"));
            out.printf(Locale.ROOT, "ICD-code retrieval   top-1   top-5   MRR%n");
            out.printf(Locale.ROOT, "  raw %-15s %.3f   %.3f   %.3f%n", encoderName, raw.top1(), raw.top5(), raw.mrr());
            out.printf(Locale.ROOT, "  trained             %.3f   %.3f   %.3f%n", trained.top1(), trained.top5(),
                    trained.mrr());
            out.println("report: " + dir.resolve(KnowledgeRun.REPORT));
        }
        return CommandSyntax.EXIT_OK;
    }

    /** A name is a folder of the home's knowledge/; anything with a path separator is a folder. */
    static Path folder(String out) {
        Path dir;
        if (out.contains("/") || out.contains(java.io.File.separator) || out.equals(".") || out.equals("..")) {
            dir = Path.of(out).toAbsolutePath().normalize();
        } else {
            dir = KnowledgeModel.home(RaddiagHome.current()).resolve(out);
        }
        String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
        if (!KnowledgeModel.validName(name)) {
            throw new UsageException("--out " + out + ": the model name '" + name
                    + "' must be letters, digits, '.', '_' or '-'");
        }
        return dir;
    }
}
