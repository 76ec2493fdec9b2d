package org.raddiag.core.cases;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Maps the paths written in an RP3D case file to a local data root. RP3D JSON holds absolute paths of the machine
 * that built it (e.g. {@code /home/.../DataPath/DemoData/data/123742.npy}); the data root is the folder that holds
 * their tail ({@code DemoData/...}). A relative path is resolved against the root. An absolute path that exists
 * is used as is; otherwise the longest tail of it whose parent folder exists under the root is taken (so a
 * missing file still gets a meaningful local name), falling back to the file name.
 */
public record DataPathResolver(Path root) {

    public Path resolve(String written) {
        Path p = Paths.get(written.replace('\\', '/'));
        if (!p.isAbsolute()) {
            return root.resolve(p).normalize();
        }
        if (Files.exists(p)) {
            return p;
        }
        int n = p.getNameCount();
        for (int k = n; k >= 1; k--) {
            Path tail = p.subpath(n - k, n);
            Path candidate = root.resolve(tail).normalize();
            if (Files.exists(candidate) || (candidate.getParent() != null && Files.isDirectory(candidate.getParent())
                    && k > 1)) {
                return candidate;
            }
        }
        return root.resolve(p.getFileName());
    }
}
