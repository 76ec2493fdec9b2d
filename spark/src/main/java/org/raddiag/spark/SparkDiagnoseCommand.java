package org.raddiag.spark;

import com.google.gson.GsonBuilder;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.raddiag.core.cases.Rp3dCaseFile;
import org.raddiag.core.registry.ModelPackageReader;
import org.raddiag.embedded.EmbeddedPipelineBuilder;
import org.raddiag.support.cli.CommandSyntax;
import org.raddiag.support.cli.ParsedArgs;
import org.raddiag.support.cli.SyntaxCommand;
import org.raddiag.support.cli.UsageException;

/**
 * {@code raddiag-spark diagnose --model PKG --input PATH --output PATH [--backend B] [--master M]}: diagnoses every
 * case of an archive on Spark and writes findings and errors as Parquet and JSON lines (see {@link BatchOutput}).
 * Cases already in the output are skipped, so a re-run after a failure or a kill does only what is missing.
 */
public final class SparkDiagnoseCommand extends SyntaxCommand {
    static final CommandSyntax SYNTAX = CommandSyntax.command("diagnose",
            "Diagnoses every case of an archive on Spark: findings and errors as Parquet and JSON lines, in batches"
            + " committed atomically; a re-run skips the cases already written.")
            .required("model", "PKG", "model package folder (shared storage, or shipped with --archives PKG.zip#NAME)")
            .required("input", "PATH", "RP3D case file, case folder, or folder of cases (case folders, DICOM study"
                    + " folders, scan files, RP3D case files)")
            .required("output", "PATH", "output folder (local, HDFS, ...; one job at a time)")
            .option("backend", "B", "onnxruntime or pytorch", "onnxruntime")
            .option("master", "URL", "Spark master (default: spark-submit's, else local[*])")
            .option("batch-cases", "N", "cases per committed batch (what a kill can lose)", "512")
            .option("cases-per-partition", "N", "cases per Spark task", "4")
            .option("level", "LEVEL", "label level of RP3D case files: articles or icd10s", Rp3dCaseFile.ARTICLES)
            .flag("json", "machine-readable summary")
            .build();

    public SparkDiagnoseCommand() {
        super(SYNTAX, "batch diagnosis of an archive on Spark");
    }

    @Override
    protected int run(ParsedArgs a, PrintStream out, PrintStream err) throws Exception {
        String backend = a.value("backend");
        if (!EmbeddedPipelineBuilder.BACKENDS.contains(backend)) {
            throw new UsageException("--backend " + backend + ": no such backend (" + EmbeddedPipelineBuilder.BACKENDS
                    + ")");
        }
        int batchCases = a.intValue("batch-cases");
        int perPartition = a.intValue("cases-per-partition");
        if (batchCases < 1 || perPartition < 1) {
            throw new UsageException("--batch-cases and --cases-per-partition take a count of at least 1");
        }
        String model = a.required("model");
        Path local = Paths.get(model);
        if (Files.isDirectory(local)) {
            ModelPackageReader.read(local); // a broken package fails here, before any executor starts
        }
        long t0 = System.nanoTime();
        List<CaseUnit> units = new CaseLister(a.value("level"),
                EmbeddedPipelineBuilder.scanFiles(getClass().getClassLoader())).list(a.requiredPath("input"));
        SparkConf conf = new SparkConf().setAppName("raddiag-spark diagnose");
        if (a.has("master")) {
            conf.setMaster(a.value("master"));
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
        Map<String, Object> summary = new LinkedHashMap<>();
        try {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            int threads = jsc.getConf().getInt("spark.task.cpus", 1);
            JobSettings settings = new JobSettings(model, backend, threads, a.value("level"));
            BatchOutput output = BatchOutput.open(spark, a.required("output"));
            Set<String> done = output.doneKeys();
            List<CaseUnit> todo = new ArrayList<>();
            for (CaseUnit u : units) {
                if (!done.contains(u.key())) {
                    todo.add(u);
                }
            }
            long findings = 0;
            long errors = 0;
            int batches = 0;
            long t1 = System.nanoTime();
            for (int from = 0; from < todo.size(); from += batchCases) {
                List<CaseUnit> batch = todo.subList(from, Math.min(todo.size(), from + batchCases));
                int partitions = (batch.size() + perPartition - 1) / perPartition;
                JavaRDD<Row> rows = jsc.parallelize(batch, partitions).mapPartitions(new DiagnoseCases(settings));
                Dataset<Row> results = spark.createDataFrame(rows, ResultRows.SCHEMA)
                        .persist(StorageLevel.MEMORY_AND_DISK());
                try {
                    output.write(results);
                    for (Row r : results.groupBy("table").count().collectAsList()) {
                        if (ResultRows.FINDINGS.equals(r.getString(0))) {
                            findings += r.getLong(1);
                        } else {
                            errors += r.getLong(1);
                        }
                    }
                } finally {
                    results.unpersist();
                }
                batches++;
                if (!a.flag("json")) {
                    out.printf("batch %d: %d of %d cases committed%n", batches, Math.min(todo.size(), from
                            + batchCases), todo.size());
                }
            }
            double seconds = (System.nanoTime() - t1) / 1e9;
            summary.put("output", a.required("output"));
            summary.put("model", model);
            summary.put("backend", backend);
            summary.put("threadsPerTask", threads);
            summary.put("cases", units.size());
            summary.put("skipped", units.size() - todo.size());
            summary.put("diagnosed", todo.size());
            summary.put("findingRows", findings);
            summary.put("errorRows", errors);
            summary.put("batches", batches);
            summary.put("seconds", seconds);
            summary.put("casesPerSecond", todo.isEmpty() ? 0 : todo.size() / seconds);
            summary.put("totalSeconds", (System.nanoTime() - t0) / 1e9);
        } finally {
            spark.stop();
        }
        if (a.flag("json")) {
            out.println(new GsonBuilder().setPrettyPrinting().create().toJson(summary));
        } else {
            out.printf("%d cases: %d skipped (already written), %d diagnosed in %.1f s (%.2f cases/s): %d findings,"
                    + " %d error rows, in %s%n", summary.get("cases"), summary.get("skipped"), summary.get("diagnosed"),
                    summary.get("seconds"), summary.get("casesPerSecond"), summary.get("findingRows"),
                    summary.get("errorRows"), summary.get("output"));
        }
        return 0;
    }
}
