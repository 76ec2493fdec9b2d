package org.raddiag.model.importer;

import org.raddiag.api.model.ModelRef;
import org.raddiag.support.cli.CommandSyntax;
import org.raddiag.support.cli.ParsedArgs;
import org.raddiag.support.cli.UsageException;

/** The arguments of {@code import}, read from its {@link #SYNTAX}. */
record ImportArgs(String source, String arch, ModelRef name, String labels, int[] bins, boolean strict) {
    static final CommandSyntax SYNTAX = CommandSyntax.command("import",
            "A PyTorch pytorch_model.bin (restricted unpickler) or .safetensors checkpoint as a verified model"
            + " package; strict key and shape checks.")
            .required("arch", "ARCH", "architecture: reference-default, reference-late, demo-small or a JSON file")
            .required("name", "NAME[:VERSION]", "package name (version default 1.0.0)")
            .option("labels", "FILE", "labels, one a line (default: the RP3D disorders for reference-*)")
            .option("bins", "HEAD,MEDIUM", "head and medium class counts of the label set")
            .flag("non-strict", "drop unexpected keys instead of refusing the checkpoint")
            .positional("SRC", "checkpoint file (.bin, .pt, .safetensors) or a folder holding one")
            .build();

    static ImportArgs of(ParsedArgs a) {
        return new ImportArgs(a.positional(0), a.required("arch"), a.modelRef("name", "1.0.0"), a.value("labels"),
                bins(a), !a.flag("non-strict"));
    }

    /** {@code --bins HEAD,MEDIUM} as two counts, or null when absent; shared with {@code init-model}. */
    static int[] bins(ParsedArgs a) {
        String s = a.value("bins");
        if (s == null) {
            return null;
        }
        String[] p = s.split(",");
        try {
            if (p.length == 2) {
                return new int[] {Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim())};
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new UsageException("--bins takes HEAD,MEDIUM class counts, e.g. 85,470; not '" + s + "'");
    }
}
