package org.raddiag.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.raddiag.api.data.Diagnosis;
import org.raddiag.api.data.Finding;

/**
 * The rows the job writes. One diagnosis pass yields both tables: {@code findings} (one row per diagnosed case:
 * labels, probabilities in label order, positives, timings) and {@code errors} (one row per file that could not be
 * read, and one per case that could not be diagnosed), told apart by the column {@code table}.
 */
final class ResultRows {
    static final String FINDINGS = "findings";
    static final String ERRORS = "errors";

    static final StructType SCHEMA = new StructType(new StructField[] {
            DataTypes.createStructField("table", DataTypes.StringType, false),
            DataTypes.createStructField("caseKey", DataTypes.StringType, false),
            DataTypes.createStructField("caseId", DataTypes.StringType, true),
            DataTypes.createStructField("source", DataTypes.StringType, false),
            DataTypes.createStructField("model", DataTypes.StringType, true),
            DataTypes.createStructField("modelVersion", DataTypes.StringType, true),
            DataTypes.createStructField("backend", DataTypes.StringType, true),
            DataTypes.createStructField("labels", DataTypes.createArrayType(DataTypes.StringType, false), true),
            DataTypes.createStructField("probabilities", DataTypes.createArrayType(DataTypes.DoubleType, false), true),
            DataTypes.createStructField("positives", DataTypes.createArrayType(DataTypes.StringType, false), true),
            DataTypes.createStructField("timingsMs", DataTypes.createMapType(DataTypes.StringType,
                    DataTypes.DoubleType, false), true),
            DataTypes.createStructField("unreadableFiles", DataTypes.IntegerType, true),
            DataTypes.createStructField("file", DataTypes.StringType, true),
            DataTypes.createStructField("reason", DataTypes.StringType, true),
            DataTypes.createStructField("message", DataTypes.StringType, true),
            DataTypes.createStructField("diagnosed", DataTypes.BooleanType, true)});

    /** Columns of the findings table. */
    static final String[] FINDING_COLUMNS = {"caseKey", "caseId", "source", "model", "modelVersion", "backend",
        "labels", "probabilities", "positives", "timingsMs", "unreadableFiles"};
    /** Columns of the errors table. */
    static final String[] ERROR_COLUMNS = {"caseKey", "caseId", "source", "file", "reason", "message", "diagnosed",
        "model", "modelVersion", "backend"};

    private ResultRows() {
    }

    static Row finding(CaseUnit u, Diagnosis d, Map<String, Double> timings, int unreadable) {
        int n = d.findings().size();
        String[] labels = new String[n];
        Double[] p = new Double[n];
        boolean[] positive = new boolean[n];
        for (Finding f : d.findings()) {
            labels[f.index()] = f.label();
            p[f.index()] = f.probability();
            positive[f.index()] = f.positive();
        }
        List<String> positives = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (positive[i]) {
                positives.add(labels[i]);
            }
        }
        return RowFactory.create(FINDINGS, u.key(), d.caseId(), u.path(), d.modelName(), d.modelVersion(),
                d.backend(), labels, p, positives.toArray(new String[0]),
                scala.jdk.javaapi.CollectionConverters.asScala(timings), unreadable, null, null, null,
                null);
    }

    static Row error(CaseUnit u, String caseId, String file, String reason, String message, boolean diagnosed,
            String model, String version, String backend) {
        return RowFactory.create(ERRORS, u.key(), caseId, u.path(), model, version, backend, null, null, null, null,
                null, file, reason, message, diagnosed);
    }
}
