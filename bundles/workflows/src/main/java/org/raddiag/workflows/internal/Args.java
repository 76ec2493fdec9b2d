package org.raddiag.workflows.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Options of the workflow commands: {@code --flag}, {@code --key value}, repeated {@code --set key=value} and {@code --dataset-option key=value}. */
final class Args {
    final Map<String, String> options = new LinkedHashMap<>();
    final Map<String, String> settings = new LinkedHashMap<>();
    final Map<String, String> datasetOptions = new LinkedHashMap<>();
    final List<String> flags = new ArrayList<>();
    final List<String> positional = new ArrayList<>();

    static Args parse(List<String> args, List<String> knownFlags) {
        Args a = new Args();
        for (int i = 0; i < args.size(); i++) {
            String s = args.get(i);
            if (s.startsWith("--") && knownFlags.contains(s.substring(2))) {
                a.flags.add(s.substring(2));
            } else if (s.equals("--set") || s.equals("--dataset-option")) {
                String kv = value(args, ++i, s);
                int eq = kv.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException(s + " needs key=value, got '" + kv + "'");
                }
                (s.equals("--set") ? a.settings : a.datasetOptions).put(kv.substring(0, eq), kv.substring(eq + 1));
            } else if (s.startsWith("--")) {
                a.options.put(s.substring(2), value(args, ++i, s));
            } else {
                a.positional.add(s);
            }
        }
        return a;
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    boolean flag(String f) {
        return flags.contains(f);
    }
}
