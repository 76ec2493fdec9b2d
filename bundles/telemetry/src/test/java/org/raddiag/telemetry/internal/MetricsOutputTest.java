package org.raddiag.telemetry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.api.compute.EngineStatus;
import org.raddiag.api.data.Diagnosis;
import org.raddiag.api.telemetry.MetricSource;

/** The exposition of every metric family, checked by Prometheus' own {@code promtool check metrics} when installed. */
class MetricsOutputTest {
    @TempDir
    Path tmp;

    static Meters meters() {
        Meters m = new Meters();
        m.request(Routes.of("/api/v1/diagnoses"), "POST", 200, 0.42);
        m.request(Routes.of("/api/v1/studies/1.2.3.4.5/sr"), "GET", 404, 0.002);
        Map<String, Double> timings = new LinkedHashMap<>();
        timings.put("preprocess", 12.5);
        timings.put("load", 0.1);
        timings.put("inference", 80.0);
        timings.put("total", 93.0);
        m.diagnosed(new Diagnosis("case-1", "tiny", "1.0.0", "pytorch", List.of(), List.of(), timings));
        m.read("dicom", 1, 180.0);
        m.forwardPass("pytorch", 1);
        m.forwardPass("pytorch", 3);
        m.engines = List.of(new EngineStatus() {
            @Override
            public String backend() {
                return "onnxruntime";
            }

            @Override
            public State state() {
                return State.READY;
            }

            @Override
            public String detail() {
                return "";
            }

            @Override
            public long initMillis() {
                return 5;
            }
        });
        MetricSource ingest = sink -> {
            sink.counter("dicom_instances_stored", "Instances stored", 40, Map.of());
            sink.gauge("dicom_studies", "Studies by state", 2, Map.of("state", "DONE"));
            sink.gauge("dicom_studies", "Studies by state", 1, Map.of("state", "FAILED"));
        };
        MetricSource broken = sink -> {
            sink.gauge("broken_metric", "x", 1, Map.of());
            throw new IllegalStateException("source failure");
        };
        m.sources = List.of(ingest, broken);
        return m;
    }

    static String text(Meters m) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        MetricsServlet.write(m, b);
        return b.toString(StandardCharsets.UTF_8);
    }

    @Test
    void carriesRequestsDiagnosesStageReadAndBatchHistogramsEnginesAndSources() throws Exception {
        String t = text(meters());
        for (String s : new String[] {
            "raddiag_http_requests_total{method=\"POST\",route=\"/api/v1/diagnoses\",status=\"200\"} 1.0",
            "raddiag_http_requests_total{method=\"GET\",route=\"/api/v1/studies/{id}/sr\",status=\"404\"} 1.0",
            "raddiag_diagnoses_total{backend=\"pytorch\",model=\"tiny\",version=\"1.0.0\"} 1.0",
            "raddiag_diagnosis_stage_duration_seconds_bucket{backend=\"pytorch\",stage=\"inference\",le=\"0.1\"} 1",
            "raddiag_read_duration_seconds_bucket{reader=\"dicom\",le=\"0.25\"} 1",
            "raddiag_forward_pass_requests_bucket{backend=\"pytorch\",le=\"2.0\"} 1",
            "raddiag_forward_pass_requests_bucket{backend=\"pytorch\",le=\"4.0\"} 2",
            "raddiag_forward_pass_requests_sum{backend=\"pytorch\"} 4.0",
            "raddiag_engine_state{backend=\"onnxruntime\",state=\"READY\"} 1.0",
            "raddiag_engine_state{backend=\"onnxruntime\",state=\"FAILED\"} 0.0",
            "raddiag_dicom_instances_stored_total 40.0",
            "raddiag_dicom_studies{state=\"FAILED\"} 1.0"}) {
            assertTrue(t.contains(s), s + " in\n" + t);
        }
        assertFalse(t.contains("1.2.3.4.5"), "no identifiers in labels");
        assertFalse(t.contains("broken_metric"), "a failing source is left out");
    }

    @Test
    void promtoolAcceptsTheExposition() throws Exception {
        assumeTrue(available("promtool"), "promtool not installed (apt-get install prometheus; tools/setup-pacs.sh): "
                + "skipped");
        Path f = Files.writeString(tmp.resolve("metrics.txt"), text(meters()));
        Process p = new ProcessBuilder("sh", "-c", "promtool check metrics < " + f).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        System.out.println("promtool check metrics: exit " + p.exitValue() + (out.isBlank() ? ", no findings" : "\n"
                + out));
        assertEquals(0, p.exitValue(), out);
    }

    @Test
    void routesHideIdentifiers() {
        assertEquals("/api/v1/studies", Routes.of("/api/v1/studies"));
        assertEquals("/api/v1/studies/{id}", Routes.of("/api/v1/studies/1.2.840.1"));
        assertEquals("/api/v1/diagnoses/{id}", Routes.of("/api/v1/diagnoses/abc-123"));
        assertEquals("/ui/*", Routes.of("/ui/app.js"));
        assertEquals("/dicomweb/studies", Routes.of("/dicomweb/studies"));
        assertEquals("/dicomweb/studies/{id}/series/{id}/instances", Routes.of("/dicomweb/studies/1.2.3/series/1.2.4/"
                + "instances"));
        assertEquals("/dicomweb/studies/{id}/series/{id}/instances/{id}/*", Routes.of("/dicomweb/studies/1.2/series/"
                + "1.3/instances/1.4/frames/1"));
        assertEquals("other", Routes.of("/etc/passwd"));
        assertEquals("/metrics", Routes.of("/metrics"));
    }

    private static boolean available(String tool) {
        try {
            Process p = new ProcessBuilder("sh", "-c", "command -v " + tool).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
