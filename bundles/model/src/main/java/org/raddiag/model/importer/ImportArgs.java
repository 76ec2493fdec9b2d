package org.raddiag.model.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code SRC --arch ARCH --name NAME[:VERSION] [--labels FILE] [--bins HEAD,MEDIUM] [--non-strict]}; throws
 * {@link IllegalArgumentException} with a usage hint on anything else.
 */
record ImportArgs(String source, String arch, String name, String labels, int[] bins, boolean strict) {
    static final String USAGE = "usage: import SRC --arch ARCH --name NAME[:VERSION] [--labels FILE] "
            + "[--bins HEAD,MEDIUM] [--non-strict]";

    static ImportArgs parse(List<String> args) {
        List<String> rest = new ArrayList<>(args);
        boolean strict = !rest.remove("--non-strict");
        String arch = option(rest, "arch");
        String name = option(rest, "name");
        String labels = option(rest, "labels");
        String bins = option(rest, "bins");
        for (String a : rest) {
            if (a.startsWith("--")) {
                throw new IllegalArgumentException("unknown option " + a + "; " + USAGE);
            }
        }
        if (rest.size() != 1 || arch == null || name == null) {
            throw new IllegalArgumentException(USAGE);
        }
        return new ImportArgs(rest.get(0), arch, name, labels, bins == null ? null : parseBins(bins), strict);
    }

    private static int[] parseBins(String s) {
        String[] p = s.split(",");
        try {
            if (p.length == 2) {
                return new int[] {Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim())};
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IllegalArgumentException("--bins takes HEAD,MEDIUM class counts, e.g. 85,470; not '" + s + "'");
    }

    private static String option(List<String> args, String name) {
        int i = args.indexOf("--" + name);
        if (i < 0) {
            return null;
        }
        if (i + 1 >= args.size()) {
            throw new IllegalArgumentException("--" + name + " needs a value; " + USAGE);
        }
        String v = args.remove(i + 1);
        args.remove(i);
        return v;
    }
}
