package org.raddiag.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code conf/config.properties} (framework properties and launcher settings) and
 * {@code conf/system.properties} (JVM system properties), substituting {@code ${name}} from system properties
 * (notably {@code raddiag.dist}, the distribution folder, and {@code raddiag.home}, the user data home) and
 * environment variables.
 */
final class LauncherConfig {
    private static final Pattern VAR = Pattern.compile("\\$\\{([^}]+)}");

    private LauncherConfig() {
    }

    static Map<String, String> load(Path file) throws IOException {
        Map<String, String> out = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        for (String k : p.stringPropertyNames()) {
            out.put(k, substitute(p.getProperty(k)));
        }
        return out;
    }

    static String substitute(String value) {
        Matcher m = VAR.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String v = System.getProperty(name, System.getenv(name));
            m.appendReplacement(sb, Matcher.quoteReplacement(v == null ? m.group() : v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Whether a bundle symbolic name matches a glob such as {@code org.osgi.*}. */
    static boolean matches(String glob, String name) {
        String regex = ("\\Q" + glob.trim() + "\\E").replace("*", "\\E.*\\Q");
        return name != null && name.matches(regex);
    }
}
