package org.raddiag.spark;

import java.util.Arrays;
import java.util.List;
import org.raddiag.api.cli.Command;
import org.raddiag.support.cli.CommandSyntax;

/**
 * Main class of the job jar ({@code spark-submit --class org.raddiag.spark.RaddiagSpark JAR diagnose ...}, or
 * {@code spark/bin/raddiag-spark diagnose ...}). Exit status: 0 done, 1 failure, 2 wrong command line.
 */
public final class RaddiagSpark {
    private RaddiagSpark() {
    }

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args)));
    }

    static int run(List<String> args) {
        Command diagnose = new SparkDiagnoseCommand();
        if (args.isEmpty() || !args.get(0).equals(diagnose.name())) {
            boolean help = !args.isEmpty() && CommandSyntax.helpRequested(args.subList(0, 1));
            (help ? System.out : System.err).println("usage: raddiag-spark diagnose --model PKG --input PATH --output"
                    + " PATH [--backend onnxruntime|pytorch] [--master URL] ...   (raddiag-spark diagnose --help)");
            return help ? CommandSyntax.EXIT_OK : CommandSyntax.EXIT_USAGE;
        }
        try {
            return diagnose.run(args.subList(1, args.size()), System.out, System.err);
        } catch (Exception e) {
            System.err.println("raddiag-spark diagnose: " + e.getMessage());
            return CommandSyntax.EXIT_FAILURE;
        }
    }
}
