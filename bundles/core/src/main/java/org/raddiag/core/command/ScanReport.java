package org.raddiag.core.command;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.raddiag.api.data.Sample;
import org.raddiag.api.data.Scan;
import org.raddiag.api.data.Statistics;
import org.raddiag.api.data.Volume;
import org.raddiag.api.io.ReadException;
import org.raddiag.core.cases.LoadedCase;
import org.raddiag.core.io.TrackedScanFiles;

/** The per-case report of {@code inspect}: stable JSON field names (documented in the README) and a text form. */
final class ScanReport {
    /** In-plane size and depth of the reference model input, for the "will be resized" warnings. */
    private static final int MODEL_SIZE = 256;
    private static final int MODEL_DEPTH = 32;

    private ScanReport() {
    }

    static Map<String, Object> of(LoadedCase loaded, TrackedScanFiles files) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", loaded.value().id());
        c.put("labels", loaded.value().labels());
        List<Map<String, Object>> scans = new ArrayList<>();
        int sampleIndex = 0;
        for (Sample sample : loaded.value().samples()) {
            for (Scan s : sample.scans()) {
                scans.add(scan(s, sampleIndex, files.readerOf(s)));
            }
            sampleIndex++;
        }
        c.put("scans", scans);
        List<Map<String, Object>> errors = new ArrayList<>();
        for (ReadException e : loaded.problems()) {
            errors.add(InspectCommand.error(e));
        }
        c.put("errors", errors);
        return c;
    }

    private static Map<String, Object> scan(Scan s, int sample, String reader) {
        Volume v = s.volume();
        Statistics st = v.statistics();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", s.source());
        m.put("reader", reader);
        m.put("sample", sample);
        m.put("modality", s.modality().label());
        m.put("plane", s.plane().name());
        m.put("shape", List.of(v.width(), v.height(), v.depth()));
        m.put("spacing", toList(v.spacing()));
        m.put("orientation", toList(v.direction()));
        m.put("min", finite(st.min()));
        m.put("max", finite(st.max()));
        m.put("mean", finite(st.mean()));
        m.put("keySlice", s.keySlice().isPresent() ? s.keySlice().getAsInt() : null);
        m.put("warnings", warnings(s, st));
        return m;
    }

    private static List<String> warnings(Scan s, Statistics st) {
        Volume v = s.volume();
        List<String> w = new ArrayList<>();
        if (st.nonFinite() > 0) {
            w.add(st.nonFinite() + " voxel(s) are NaN or infinite");
        }
        if (st.max() == st.min()) {
            w.add("constant image (value " + st.min() + "): it carries no information");
        }
        if (v.width() != MODEL_SIZE || v.height() != MODEL_SIZE) {
            w.add("in-plane " + v.width() + "x" + v.height() + " will be resized to " + MODEL_SIZE + "x" + MODEL_SIZE
                    + " for the reference model");
        }
        if (v.depth() > MODEL_DEPTH) {
            w.add(v.depth() + " slices will be subsampled to " + MODEL_DEPTH + " for the reference model");
        }
        double[] sp = v.spacing();
        if (sp[0] > 0 && Math.abs(sp[0] - sp[1]) / sp[0] > 0.05) {
            w.add("anisotropic in-plane spacing " + sp[0] + " x " + sp[1] + " mm");
        }
        return w;
    }

    static void print(List<Map<String, Object>> cases, PrintStream out) {
        for (Map<String, Object> c : cases) {
            out.println("case " + c.get("id") + (((List<?>) c.get("labels")).isEmpty() ? "" : "  labels " + c.get("labels")));
            for (Object o : (List<?>) c.get("scans")) {
                Map<?, ?> s = (Map<?, ?>) o;
                out.printf("  %s  [%s] %s %s  shape %s  spacing %s%n", s.get("source"), s.get("reader"), s.get("modality"),
                        s.get("plane"), s.get("shape"), s.get("spacing"));
                out.printf("      values min %s max %s mean %s  key slice %s  orientation %s%n", fmt(s.get("min")),
                        fmt(s.get("max")), fmt(s.get("mean")), s.get("keySlice"), s.get("orientation"));
                for (Object w : (List<?>) s.get("warnings")) {
                    out.println("      warning: " + w);
                }
            }
            for (Object o : (List<?>) c.get("errors")) {
                Map<?, ?> e = (Map<?, ?>) o;
                out.println("  ERROR " + e.get("message"));
            }
        }
    }

    private static String fmt(Object v) {
        return v instanceof Double ? String.format("%.4g", (Double) v) : String.valueOf(v);
    }

    private static Double finite(double d) {
        return Double.isFinite(d) ? d : null;
    }

    private static List<Double> toList(double[] a) {
        List<Double> l = new ArrayList<>();
        Arrays.stream(a).forEach(d -> l.add(d == 0 ? 0.0 : d)); // no -0.0 in reports
        return l;
    }
}
