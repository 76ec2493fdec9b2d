package org.raddiag.core.command;

import java.util.Map;
import java.util.StringJoiner;

/** One-line descriptions of services for terminal output. */
final class Describe {
    private Describe() {
    }

    static String service(Map<String, Object> m) {
        StringJoiner j = new StringJoiner(" ");
        m.forEach((k, v) -> {
            if (k.startsWith("raddiag.")) {
                j.add(k.substring("raddiag.".length()) + "=" + v);
            }
        });
        return j + "  [" + m.get("bundle") + "]";
    }
}
