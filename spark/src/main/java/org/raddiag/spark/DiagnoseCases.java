package org.raddiag.spark;

import java.io.IOException;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.raddiag.api.data.Diagnosis;
import org.raddiag.api.diagnosis.DiagnosisException;
import org.raddiag.api.io.ReadException;
import org.raddiag.core.cases.LoadedCase;
import org.raddiag.embedded.EmbeddedPipeline;

/**
 * The task body: diagnoses the cases of one partition with this JVM's pipeline. A case that cannot be read or
 * diagnosed becomes error rows (file and reason) and the task goes on; only a model that cannot load fails the task.
 */
final class DiagnoseCases implements FlatMapFunction<Iterator<CaseUnit>, Row> {
    private static final long serialVersionUID = 1L;
    private final JobSettings settings;

    DiagnoseCases(JobSettings settings) {
        this.settings = settings;
    }

    @Override
    public Iterator<Row> call(Iterator<CaseUnit> units) {
        EmbeddedPipeline pipeline = ExecutorPipelines.get(settings);
        List<Row> rows = new ArrayList<>();
        while (units.hasNext()) {
            diagnose(pipeline, units.next(), rows);
        }
        return rows.iterator();
    }

    static void diagnose(EmbeddedPipeline pipeline, CaseUnit u, List<Row> rows) {
        String model = pipeline.modelPackage().ref().name();
        String version = pipeline.modelPackage().ref().version();
        String backend = pipeline.backend();
        long t0 = System.nanoTime();
        List<LoadedCase> cases;
        try {
            cases = pipeline.locate(Paths.get(u.path()), u.caseId());
        } catch (IOException | RuntimeException e) {
            rows.add(ResultRows.error(u, u.caseId(), u.path(), e instanceof IOException ? "IO" : "CORRUPT",
                    String.valueOf(e.getMessage()), false, model, version, backend));
            return;
        }
        double readMs = (System.nanoTime() - t0) / 1e6;
        for (LoadedCase c : cases) {
            boolean diagnosed = false;
            try {
                Diagnosis d = pipeline.diagnose(c.value(), 0);
                Map<String, Double> timings = new LinkedHashMap<>();
                timings.put("read", readMs);
                timings.putAll(d.timingsMs());
                rows.add(ResultRows.finding(u, d, timings, c.problems().size()));
                diagnosed = true;
            } catch (DiagnosisException | RuntimeException e) {
                if (c.problems().isEmpty()) {
                    rows.add(ResultRows.error(u, c.value().id(), u.path(), "NOT_DIAGNOSED",
                            String.valueOf(e.getMessage()), false, model, version, backend));
                }
            }
            for (ReadException p : c.problems()) {
                rows.add(ResultRows.error(u, c.value().id(), String.valueOf(p.file()), p.reason().name(),
                        p.getMessage(), diagnosed, model, version, backend));
            }
        }
    }
}
