package org.raddiag.spark;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The job's output folder, written in batches that are committed atomically:
 * <pre>
 * OUT/batches/BATCH/findings.parquet/   findings.jsonl/   errors.parquet/   errors.jsonl/   (committed)
 * OUT/_staging/BATCH/...                                                                (being written)
 * </pre>
 * A batch is written into {@code _staging} by Spark's own writers (each with Spark's output committer, so retried
 * and speculative task attempts leave one copy; each writes {@code _SUCCESS}), then committed by one rename of its
 * folder into {@code batches/} (atomic on HDFS and POSIX file systems). A killed job leaves at most an uncommitted
 * staging folder, which the next run deletes; the cases of committed batches are skipped, so every case is in
 * exactly one committed batch. One job at a time per output folder.
 */
final class BatchOutput {
    static final String BATCHES = "batches";
    static final String STAGING = "_staging";
    static final List<String> PARTS = List.of("findings.parquet", "findings.jsonl", "errors.parquet", "errors.jsonl");

    private final SparkSession spark;
    private final FileSystem fs;
    private final Path root;

    private BatchOutput(SparkSession spark, FileSystem fs, Path root) {
        this.spark = spark;
        this.fs = fs;
        this.root = root;
    }

    /** Opens (creating) the output folder {@code uri} and deletes what a killed run left in staging. */
    static BatchOutput open(SparkSession spark, String uri) throws IOException {
        Path root = new Path(uri);
        FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
        root = fs.makeQualified(root);
        if (fs.exists(root) && !fs.getFileStatus(root).isDirectory()) {
            throw new IOException("--output " + uri + ": not a folder");
        }
        fs.mkdirs(new Path(root, BATCHES));
        Path staging = new Path(root, STAGING);
        if (fs.exists(staging)) {
            fs.delete(staging, true);
        }
        return new BatchOutput(spark, fs, root);
    }

    /** The committed batch folders. */
    List<Path> batches() throws IOException {
        List<Path> out = new ArrayList<>();
        for (FileStatus s : fs.listStatus(new Path(root, BATCHES))) {
            if (s.isDirectory()) {
                out.add(s.getPath());
            }
        }
        return out;
    }

    /** The case keys of every committed batch, findings and errors: what a re-run skips. */
    Set<String> doneKeys() throws IOException {
        Set<String> done = new HashSet<>();
        List<Path> batches = batches();
        if (batches.isEmpty()) {
            return done;
        }
        for (String table : List.of("findings.parquet", "errors.parquet")) {
            String[] paths = batches.stream().map(b -> new Path(b, table).toString()).toArray(String[]::new);
            StructType schema = new StructType().add("caseKey", DataTypes.StringType);
            for (Row r : spark.read().schema(schema).parquet(paths).select("caseKey").distinct().collectAsList()) {
                done.add(r.getString(0));
            }
        }
        return done;
    }

    /** Writes one batch of results and commits it; returns its folder. */
    Path write(Dataset<Row> results) throws IOException {
        String id = "b" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        Path staging = new Path(new Path(root, STAGING), id);
        Dataset<Row> findings = results.filter(results.col("table").equalTo(ResultRows.FINDINGS))
                .selectExpr(ResultRows.FINDING_COLUMNS);
        // errors are few: one file per table and batch instead of one (mostly empty) per partition
        Dataset<Row> errors = results.filter(results.col("table").equalTo(ResultRows.ERRORS))
                .selectExpr(ResultRows.ERROR_COLUMNS).coalesce(1);
        findings.write().mode(SaveMode.ErrorIfExists).parquet(new Path(staging, PARTS.get(0)).toString());
        findings.write().mode(SaveMode.ErrorIfExists).json(new Path(staging, PARTS.get(1)).toString());
        errors.write().mode(SaveMode.ErrorIfExists).parquet(new Path(staging, PARTS.get(2)).toString());
        errors.write().mode(SaveMode.ErrorIfExists).json(new Path(staging, PARTS.get(3)).toString());
        for (String part : PARTS) {
            if (!fs.exists(new Path(new Path(staging, part), "_SUCCESS"))) {
                throw new IOException("batch " + id + ": " + part + " has no _SUCCESS marker; not committed");
            }
        }
        Path committed = new Path(new Path(root, BATCHES), id);
        if (!fs.rename(staging, committed)) {
            throw new IOException("batch " + id + ": cannot rename " + staging + " to " + committed);
        }
        return committed;
    }
}
