package org.raddiag.telemetry.internal;

import java.util.regex.Pattern;

/**
 * The route of a request path for the {@code route} label: identifiers (UIDs, ids, file names) become
 * placeholders so the number of label values stays small and no identifier reaches the metrics.
 */
final class Routes {
    private static final Pattern UID = Pattern.compile("[0-9]+(\\.[0-9]+)+");

    private Routes() {
    }

    static String of(String path) {
        if (path == null || path.isEmpty() || path.equals("/")) {
            return "/";
        }
        String[] parts = path.split("/", -1);
        if (path.startsWith("/ui/") || path.equals("/ui")) {
            return "/ui/*";
        }
        if (parts.length >= 4 && parts[1].equals("api") && parts[2].equals("v1")) {
            StringBuilder b = new StringBuilder("/api/v1/").append(word(parts[3]));
            if (parts.length >= 5 && !parts[4].isEmpty()) {
                b.append("/{id}");
            }
            for (int i = 5; i < parts.length && i < 7; i++) {
                b.append('/').append(UID.matcher(parts[i]).matches() ? "{id}" : word(parts[i]));
            }
            return b.toString();
        }
        if (parts.length >= 3 && parts[1].equals("dicomweb")) {
            StringBuilder b = new StringBuilder("/dicomweb");
            for (int i = 2; i < parts.length && i < 8; i++) {
                b.append('/').append(UID.matcher(parts[i]).matches() ? "{id}" : word(parts[i]));
            }
            return parts.length > 8 ? b.append("/*").toString() : b.toString();
        }
        if (path.equals("/metrics")) {
            return path;
        }
        return "other";
    }

    /** A path segment used as a label value: short words only, anything else is "{id}". */
    private static String word(String s) {
        return s.matches("[a-z][a-z0-9-]{0,31}") ? s : "{id}";
    }
}
