package org.raddiag.core.rest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Client-given relative names (multipart file names, zip entries) turned into paths inside an upload folder. A name
 * that is absolute, has a drive letter, or uses {@code ..} to leave its folder is refused (zip slip); empty and
 * {@code .} segments and backslashes are normalised away.
 */
final class SafePaths {
    private static final int MAX_DEPTH = 8;
    private static final int MAX_SEGMENT = 255;

    private SafePaths() {
    }

    /** {@code name} resolved under {@code root}; 400 when it would escape it or is not a plain relative name. */
    static Path resolve(Path root, String name) throws ApiError {
        if (name == null || name.isBlank()) {
            throw ApiError.badRequest("an uploaded file has no name");
        }
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || n.matches("^[A-Za-z]:.*") || n.indexOf('\0') >= 0) {
            throw ApiError.badRequest("refused file name (absolute path): " + printable(name));
        }
        List<String> segments = new ArrayList<>();
        for (String s : n.split("/")) {
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                throw ApiError.badRequest("refused file name (leaves its folder): " + printable(name));
            }
            if (s.length() > MAX_SEGMENT || s.chars().anyMatch(ch -> ch < 0x20)) {
                throw ApiError.badRequest("refused file name (control characters or too long): " + printable(name));
            }
            segments.add(s);
        }
        if (segments.isEmpty() || segments.size() > MAX_DEPTH) {
            throw ApiError.badRequest("refused file name (empty or nested deeper than " + MAX_DEPTH + "): " + printable(name));
        }
        Path p = root;
        for (String s : segments) {
            p = p.resolve(s);
        }
        Path normal = p.normalize();
        if (!normal.startsWith(root.normalize()) || normal.equals(root.normalize())) {
            throw ApiError.badRequest("refused file name (leaves its folder): " + printable(name));
        }
        return normal;
    }

    private static String printable(String s) {
        String t = s.length() > 80 ? s.substring(0, 80) + "..." : s;
        return t.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
