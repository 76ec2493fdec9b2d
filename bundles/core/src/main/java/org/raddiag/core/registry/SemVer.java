package org.raddiag.core.registry;

import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version {@code MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]} ordered by semver.org precedence: numeric
 * core first; a pre-release sorts before its release; pre-release identifiers compare numerically when both are
 * numeric, numeric before alphanumeric, otherwise in ASCII order, and a longer list wins a tie; build metadata is
 * ignored for ordering (but kept, so versions differing only in build are not {@link #equals}).
 */
public final class SemVer implements Comparable<SemVer> {
    private static final String NUM = "(0|[1-9]\\d*)";
    private static final String PRE_ID = "(?:0|[1-9]\\d*|\\d*[A-Za-z-][0-9A-Za-z-]*)";
    private static final Pattern FORMAT = Pattern.compile("^" + NUM + "\\." + NUM + "\\." + NUM
            + "(?:-(" + PRE_ID + "(?:\\." + PRE_ID + ")*))?(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?$");

    private final String text;
    private final long[] core;
    private final String[] pre;

    private SemVer(String text, long[] core, String[] pre) {
        this.text = text;
        this.core = core;
        this.pre = pre;
    }

    /** Parses {@code s}; throws {@link IllegalArgumentException} naming the text if it is not a semver. */
    public static SemVer parse(String s) {
        Matcher m = s == null ? null : FORMAT.matcher(s);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("'" + s + "' is not a semantic version (MAJOR.MINOR.PATCH[-pre][+build])");
        }
        try {
            long[] core = {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))};
            return new SemVer(s, core, m.group(4) == null ? new String[0] : m.group(4).split("\\."));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s + "' has a version number that is too large", e);
        }
    }

    /** Whether {@code s} parses. */
    public static boolean isValid(String s) {
        return s != null && FORMAT.matcher(s).matches();
    }

    public boolean isPreRelease() {
        return pre.length > 0;
    }

    @Override
    public int compareTo(SemVer o) {
        for (int i = 0; i < 3; i++) {
            int c = Long.compare(core[i], o.core[i]);
            if (c != 0) {
                return c;
            }
        }
        if (pre.length == 0 || o.pre.length == 0) {
            return Boolean.compare(pre.length == 0, o.pre.length == 0);
        }
        for (int i = 0; i < Math.min(pre.length, o.pre.length); i++) {
            int c = compareIdentifier(pre[i], o.pre[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(pre.length, o.pre.length);
    }

    private static int compareIdentifier(String a, String b) {
        boolean an = a.chars().allMatch(Character::isDigit);
        boolean bn = b.chars().allMatch(Character::isDigit);
        if (an && bn) {
            return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
        }
        if (an != bn) {
            return an ? -1 : 1;
        }
        return a.compareTo(b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SemVer && ((SemVer) o).text.equals(text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, Arrays.hashCode(core));
    }

    @Override
    public String toString() {
        return text;
    }
}
