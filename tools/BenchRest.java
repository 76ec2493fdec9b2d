import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * REST load generator (a benchmark, not a test): POSTs one scan to /api/v1/diagnoses from C concurrent clients for
 * S seconds per concurrency level and prints requests/s and p50/p99 latency.
 * Usage: java [-Dbench.pid=SERVER_PID] tools/BenchRest.java BASE_URL SCAN_FILE [SECONDS] [LEVELS, e.g. 1,4,16] [MODEL]
 * With bench.pid (Linux) it also prints the server's CPU time per request, which background load on the machine
 * disturbs far less than requests/s.
 */
public final class BenchRest {
    public static void main(String[] a) throws Exception {
        String base = a[0];
        byte[] scan = Files.readAllBytes(Path.of(a[1]));
        int seconds = a.length > 2 ? Integer.parseInt(a[2]) : 20;
        String[] levels = (a.length > 3 ? a[3] : "1,4,16").split(",");
        String model = a.length > 4 ? a[4] : null;
        String boundary = "bench" + System.nanoTime();
        StringBuilder head = new StringBuilder();
        if (model != null) {
            head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\n").append(model).append("\r\n");
        }
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"files\"; filename=\"")
                .append(Path.of(a[1]).getFileName()).append("\"\r\n\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] t = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[h.length + scan.length + t.length];
        System.arraycopy(h, 0, body, 0, h.length);
        System.arraycopy(scan, 0, body, h.length, scan.length);
        System.arraycopy(t, 0, body, h.length + scan.length, t.length);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/v1/diagnoses"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        for (int i = 0; i < 5; i++) { // warm-up: model load, JIT
            client.send(req, HttpResponse.BodyHandlers.discarding());
        }
        String pid = System.getProperty("bench.pid");
        System.out.printf("%-12s %10s %10s %10s %8s%s%n", "concurrency", "req/s", "p50 ms", "p99 ms", "errors",
                pid == null ? "" : String.format(" %16s", "server CPU ms/req"));
        for (String level : levels) {
            int c = Integer.parseInt(level.trim());
            List<Double> lat = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger errors = new AtomicInteger();
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            long start = System.nanoTime();
            long cpu0 = cpuMillis(pid);
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < c; i++) {
                Thread th = new Thread(() -> {
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        try {
                            int s = client.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
                            if (s != 200) {
                                errors.incrementAndGet();
                            } else {
                                lat.add((System.nanoTime() - t0) / 1e6);
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                    }
                });
                th.start();
                threads.add(th);
            }
            for (Thread th : threads) {
                th.join();
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            List<Double> s = new ArrayList<>(lat);
            Collections.sort(s);
            String cpu = pid == null ? "" : String.format(" %16.1f", (cpuMillis(pid) - cpu0) / (double) Math.max(1, s.size()));
            System.out.printf("%-12d %10.1f %10.1f %10.1f %8d%s%n", c, s.size() / elapsed, pct(s, 0.50), pct(s, 0.99), errors.get(), cpu);
        }
    }

    /** User + system CPU time of process {@code pid} in ms (/proc/PID/stat, clock ticks of 10 ms); 0 without pid. */
    private static long cpuMillis(String pid) throws java.io.IOException {
        if (pid == null) {
            return 0;
        }
        String stat = Files.readString(Path.of("/proc", pid, "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
    }

    private static double pct(List<Double> sorted, double p) {
        return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }
}
