package org.raddiag.itests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bin/raddiag serve} of a distribution copy on free loopback ports (HTTP and the DICOM C-STORE SCP), with its
 * output collected.
 */
final class ServeProcess implements AutoCloseable {
    private static final Pattern URL = Pattern.compile("RadDiag serving at (http://[^ ]+)/ui/");
    final Process process;
    final StringBuffer output = new StringBuffer();
    final String base;

    ServeProcess(Distribution d) throws Exception {
        // `serve --port 0` (any free port) wins over the system property, here one no test may bind
        ProcessBuilder pb = d.command(false, "serve", "--port", "0").redirectErrorStream(true);
        String opts = pb.environment().getOrDefault("JAVA_OPTS", "");
        pb.environment().put("JAVA_OPTS", opts + " -Draddiag.http.port=1 -Draddiag.dicom.port=0");
        process = pb.start();
        Thread t = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    output.append(line).append('\n');
                }
            } catch (IOException ignored) {
                // process ended
            }
        }, "serve-output");
        t.setDaemon(true);
        t.start();
        Await.until("serve prints its URL:\n" + output, 120_000, () -> URL.matcher(output).find() || !process.isAlive());
        Matcher m = URL.matcher(output);
        if (!m.find()) {
            throw new AssertionError("serve did not start:\n" + output);
        }
        base = m.group(1);
        if (port() == 1) {
            throw new AssertionError("serve --port 0 did not win over -Draddiag.http.port=1:\n" + output);
        }
    }

    /** A readiness check: reports what it saw through {@code seen}, then says whether the server is ready. */
    interface Probe {
        boolean ready(Consumer<Object> seen) throws Exception;
    }

    /**
     * Polls {@code probe} until it says ready; on time-out fails with the last thing it saw (or the exception it
     * threw) and this server's output.
     */
    void await(String what, long timeoutMs, Probe probe) throws InterruptedException {
        AtomicReference<Object> last = new AtomicReference<>();
        try {
            Await.until(what, timeoutMs, () -> {
                try {
                    return probe.ready(last::set);
                } catch (Exception e) {
                    last.set(e);
                    return false;
                }
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": " + last.get() + "\n" + output, e);
        }
    }

    int port() {
        return Integer.parseInt(base.substring(base.lastIndexOf(':') + 1));
    }

    /** kill -9 (no clean shutdown). */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
