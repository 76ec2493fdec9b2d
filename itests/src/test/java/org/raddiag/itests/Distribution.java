package org.raddiag.itests;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private copy of the built distribution folder with its own empty RadDiag home (user data: models, runs, DICOM
 * store) beside it, and a way to run {@code bin/raddiag} in it as users do.
 */
final class Distribution {
    /** The distribution folder (conf/, bundle/, lib/, deploy/, data/). */
    final Path dist;
    /** The user data home of its runs ({@code RADDIAG_HOME}); created by the launcher on first use. */
    final Path userHome;

    private Distribution(Path dist, Path userHome) {
        this.dist = dist;
        this.userHome = userHome;
    }

    /** Copies the distribution to {@code target}; its home is the sibling {@code target-home}. */
    static Distribution copy(Path target) throws IOException {
        Path source = RuntimeOptions.distribution();
        try (Stream<Path> s = Files.walk(source)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path rel = source.relativize(p);
                if (rel.startsWith("cache")) {
                    continue;
                }
                Path to = target.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return new Distribution(target, target.resolveSibling(target.getFileName() + "-home"));
    }

    /** Whether this machine lets us drop the network (a private network namespace with no interfaces). */
    static boolean canUnshareNetwork() {
        try {
            Process p = new ProcessBuilder("unshare", "-n", "true").redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    ProcessBuilder command(boolean offline, String... args) {
        List<String> cmd = new ArrayList<>();
        if (offline) {
            cmd.add("unshare");
            cmd.add("-n");
        }
        cmd.add(dist.resolve("bin/raddiag").toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("RADDIAG_HOME", userHome.toString());
        // share the natives extracted by earlier tests instead of extracting 432 MB per copy
        String cache = System.getProperty("DJL_CACHE_DIR");
        if (cache != null) {
            pb.environment().put("JAVA_OPTS", "-DDJL_CACHE_DIR=" + cache + " -DENGINE_CACHE_DIR=" + cache);
        }
        return pb;
    }

    /** Runs a one-shot command; returns exit status, stdout and stderr. */
    Result run(boolean offline, String... args) throws IOException, InterruptedException {
        File out = File.createTempFile("raddiag-out", ".txt");
        File err = File.createTempFile("raddiag-err", ".txt");
        try {
            Process p = command(offline, args).redirectOutput(out).redirectError(err).start();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("bin/raddiag " + String.join(" ", args) + " did not finish in 180 s");
            }
            return new Result(p.exitValue(), Files.readString(out.toPath()), Files.readString(err.toPath()));
        } finally {
            out.delete();
            err.delete();
        }
    }

    static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    /** Outcome of a command. */
    static final class Result {
        final int status;
        final String out;
        final String err;

        Result(int status, String out, String err) {
            this.status = status;
            this.out = out;
            this.err = err;
        }

        @Override
        public String toString() {
            return "exit " + status + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }
}
