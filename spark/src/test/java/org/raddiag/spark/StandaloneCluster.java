package org.raddiag.spark;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster on this machine, as {@code sbin/start-master.sh} and {@code sbin/start-worker.sh} start
 * one: a master and one worker in their own JVMs, bound to 127.0.0.1 on free ports, and jobs submitted with
 * {@code org.apache.spark.deploy.SparkSubmit} (what {@code bin/spark-submit} runs) in client mode. Spark's jars are
 * the ones the module's build resolved (its {@code provided} dependencies), linked into a Spark home's {@code jars/}
 * so that every JVM, the executors the worker launches included, gets the short class path {@code HOME/jars/*} of a
 * real installation (ONNX Runtime crashes a JVM with a long command line). {@link #close()} ends every JVM it
 * started, the executors included.
 */
final class StandaloneCluster implements AutoCloseable {
    /** Heap of the master, the worker and the driver; executors get {@code spark.executor.memory}. */
    static final String DAEMON_HEAP = "-Xmx512m";
    static final String EXECUTOR_MEMORY = "1g";
    static final int WORKER_CORES = 2;

    final Path home;
    final Path logs;
    final Path work;
    /** java.io.tmpdir of every JVM of the cluster (ONNX Runtime unpacks its natives there). */
    final Path tmp;
    final String masterUrl;
    private final String jvmOptions;
    private final int masterPort;
    private final int masterUi;
    private final List<Process> processes = new CopyOnWriteArrayList<>();
    /** Ends the cluster if the test JVM is stopped (SIGTERM, a fork timeout) before {@link #close()}. */
    private final Thread hook = new Thread(this::stop, "standalone-cluster-stop");

    private StandaloneCluster(Path dir, String jvmOptions) throws IOException {
        this.home = Files.createDirectories(dir.resolve("spark-home"));
        this.logs = Files.createDirectories(dir.resolve("logs"));
        this.work = Files.createDirectories(dir.resolve("work"));
        this.tmp = Files.createDirectories(dir.resolve("tmp"));
        this.jvmOptions = jvmOptions;
        this.masterPort = freePort();
        this.masterUi = freePort();
        this.masterUrl = "spark://127.0.0.1:" + masterPort;
    }

    /**
     * Starts a master and a worker with {@value #WORKER_CORES} cores and waits until the worker is registered.
     *
     * @param sparkClasspath the files listing Spark's jars ({@code target/spark-classpath.txt} and
     *     {@code spark-shared-classpath.txt})
     */
    static StandaloneCluster start(Path dir, List<Path> sparkClasspath, String jvmOptions, long timeoutSeconds)
            throws Exception {
        StandaloneCluster c = new StandaloneCluster(dir, jvmOptions);
        Runtime.getRuntime().addShutdownHook(c.hook);
        try {
            c.linkJars(sparkClasspath);
            c.daemon("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                    String.valueOf(c.masterPort), "--webui-port", String.valueOf(c.masterUi));
            c.daemon("worker", "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--port", "0",
                    "--webui-port", "0", "--cores", String.valueOf(WORKER_CORES), "--memory", "1200m",
                    "--work-dir", c.work.toString(), c.masterUrl);
            c.awaitWorker(timeoutSeconds);
            return c;
        } catch (Exception | Error e) {
            c.close();
            throw e;
        }
    }

    /**
     * Runs {@code spark-submit --master URL --deploy-mode client --class MAIN OPTIONS JAR ARGS} and returns its exit
     * status; its stdout goes to {@code logs/NAME.out}, its log (stderr) to {@code logs/NAME.log}.
     *
     * @param options spark-submit options ({@code --conf K=V}, {@code --archives ...})
     */
    int submit(String name, List<String> options, Path jar, String mainClass, List<String> args, long timeoutSeconds)
            throws Exception {
        List<String> cmd = new ArrayList<>(List.of("org.apache.spark.deploy.SparkSubmit", "--master", masterUrl,
                "--deploy-mode", "client", "--class", mainClass));
        cmd.addAll(options);
        cmd.add(jar.toString());
        cmd.addAll(args);
        Process p = java(name, cmd, logs.resolve(name + ".out"));
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            throw new AssertionError("spark-submit did not finish in " + timeoutSeconds + " s\n" + logTails());
        }
        return p.exitValue();
    }

    /** The last lines of every log: the daemons', the drivers' and the executors' (for a failure message). */
    String logTails() {
        StringBuilder b = new StringBuilder();
        List<Path> files = new ArrayList<>();
        for (Path dir : List.of(logs, work)) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.filter(f -> Files.isRegularFile(f) && (f.toString().endsWith(".log") || f.endsWith("stderr")
                        || f.endsWith("stdout"))).sorted().forEach(files::add);
            } catch (IOException e) {
                b.append(dir).append(": ").append(e).append('\n');
            }
        }
        for (Path f : files) {
            try {
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                b.append("==> ").append(f).append(" <==\n")
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())))
                        .append('\n');
            } catch (IOException e) {
                b.append(f).append(": ").append(e).append('\n');
            }
        }
        return b.toString();
    }

    /** The JVMs of this cluster still alive: its daemons, drivers and the executors (children of the worker). */
    List<ProcessHandle> alive() {
        String marker = home.toString();
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(h -> h.info().commandLine().map(c -> c.contains(marker)).orElse(false)
                        || processes.stream().anyMatch(p -> p.pid() == h.pid()))
                .collect(Collectors.toList());
    }

    /** Ends the drivers, the worker (and its executors) and the master: SIGTERM, then SIGKILL after 15 s. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is exiting: the hook runs stop()
        }
        stop();
    }

    private void stop() {
        List<ProcessHandle> all = new ArrayList<>();
        for (int i = processes.size() - 1; i >= 0; i--) { // drivers, then the worker, then the master
            ProcessHandle h = processes.get(i).toHandle();
            h.descendants().forEach(all::add); // the executors: a killed worker leaves them running
            all.add(h);
        }
        all.addAll(alive());
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        }
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // reported by the caller's alive() check
            }
        }
    }

    private void daemon(String name, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(mainClass));
        cmd.addAll(List.of(args));
        java(name, cmd, null);
    }

    /** Starts {@code java} with Spark's class path; stderr (and stdout without {@code out}) to {@code logs/NAME.log}. */
    private Process java(String name, List<String> mainAndArgs, Path out) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java")
                .toString(), DAEMON_HEAP, "-Djava.io.tmpdir=" + tmp));
        cmd.addAll(List.of(jvmOptions.trim().split("\\s+")));
        cmd.addAll(List.of("-cp", home.resolve("conf") + File.separator + File.pathSeparator + home.resolve("jars")
                + File.separator + "*"));
        cmd.addAll(mainAndArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(logs.resolve(name + ".log").toFile());
        if (out == null) {
            pb.redirectErrorStream(true).redirectOutput(logs.resolve(name + ".log").toFile());
        } else {
            pb.redirectOutput(out.toFile());
        }
        pb.environment().put("SPARK_HOME", home.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().put("SPARK_LOCAL_DIRS", Files.createDirectories(work.resolve("local-" + name)).toString());
        pb.environment().remove("SPARK_CONF_DIR");
        pb.environment().remove("SPARK_CLASSPATH");
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    /** A Spark home as a distribution lays it out: {@code jars/} (links to Spark's jars), {@code conf/}, RELEASE. */
    private void linkJars(List<Path> sparkClasspath) throws IOException {
        Path jars = Files.createDirectories(home.resolve("jars"));
        Files.createDirectories(home.resolve("conf"));
        List<String> entries = new ArrayList<>();
        for (Path f : sparkClasspath) {
            entries.addAll(List.of(Files.readString(f).trim().split(File.pathSeparator)));
        }
        for (String entry : entries) {
            Path jar = Paths.get(entry);
            Path link = jars.resolve(jar.getFileName());
            if (!Files.exists(link)) {
                Files.createSymbolicLink(link, jar);
            }
        }
        Files.writeString(home.resolve("RELEASE"), "Spark (the raddiag-spark build's jars)\n");
    }

    private void awaitWorker(long timeoutSeconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            for (Process p : processes) {
                if (!p.isAlive()) {
                    throw new AssertionError("a Spark daemon exited (" + p.exitValue() + ") while the cluster "
                            + "started\n" + logTails());
                }
            }
            try {
                URLConnection c = new URL("http://127.0.0.1:" + masterUi + "/json/").openConnection();
                c.setConnectTimeout(1000);
                c.setReadTimeout(2000);
                try (InputStream in = c.getInputStream()) {
                    JsonObject state = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                            .getAsJsonObject();
                    last = state.toString();
                    if (state.has("aliveworkers") && state.get("aliveworkers").getAsInt() == 1) {
                        return;
                    }
                }
            } catch (IOException e) {
                last = e.toString(); // the master's web UI is not up yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no worker registered with " + masterUrl + " in " + timeoutSeconds + " s (master: "
                + last + ")\n" + logTails());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}
