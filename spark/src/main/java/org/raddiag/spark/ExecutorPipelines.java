package org.raddiag.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkFiles;
import org.raddiag.embedded.EmbeddedPipeline;

/**
 * The embedded pipelines of this JVM (an executor, or the driver in local mode), one per model, backend and thread
 * count: the model and the backend's natives load once per JVM, whatever the number of tasks and stages, and every
 * task of the JVM shares them (the pipeline is thread-safe). They live as long as the JVM: closing native sessions
 * from a shutdown hook while Spark's threads still run them can crash the JVM, and the OS frees them at exit.
 */
final class ExecutorPipelines {
    private static final Map<String, EmbeddedPipeline> PIPELINES = new ConcurrentHashMap<>();

    private ExecutorPipelines() {
    }

    /** The pipeline for {@code s}, built on first use in this JVM. A model that cannot load fails the task. */
    static EmbeddedPipeline get(JobSettings s) {
        return PIPELINES.computeIfAbsent(s.pipelineKey(), k -> {
            try {
                return EmbeddedPipeline.builder().model(locate(s.model())).backend(s.backend()).threads(s.threads())
                        .level(s.level()).build();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load the model on this executor: " + e.getMessage(), e);
            }
        });
    }

    /**
     * The model package folder on this machine: the path as given (shared storage), else the file of that name that
     * {@code spark-submit --files}/{@code --archives} shipped (SparkFiles, or the container's working folder on
     * YARN and Kubernetes).
     */
    static Path locate(String model) throws IOException {
        Path given = Paths.get(model);
        List<Path> tried = new ArrayList<>(List.of(given));
        if (Files.isDirectory(given)) {
            return given;
        }
        String name = given.getFileName().toString();
        try {
            Path shipped = Paths.get(SparkFiles.get(name));
            tried.add(shipped);
            if (Files.isDirectory(shipped)) {
                return shipped;
            }
        } catch (RuntimeException e) {
            // no SparkContext in this JVM (a plain call): only the paths
        }
        Path working = Paths.get(name).toAbsolutePath();
        tried.add(working);
        if (Files.isDirectory(working)) {
            return working;
        }
        throw new IOException("model package " + model + ": no such folder here (tried " + tried + "); put it on "
                + "storage every executor mounts, or ship it with spark-submit --archives PKG.zip#" + name);
    }
}
