package org.raddiag.core.command;

import com.google.gson.GsonBuilder;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.raddiag.api.cli.Command;
import org.raddiag.api.data.Case;
import org.raddiag.api.data.Diagnosis;
import org.raddiag.api.data.Modality;
import org.raddiag.api.data.Plane;
import org.raddiag.api.data.Sample;
import org.raddiag.api.data.Scan;
import org.raddiag.api.data.Volume;
import org.raddiag.api.diagnosis.DiagnosisRequest;
import org.raddiag.api.diagnosis.DiagnosisService;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.api.model.ModelPackage;
import org.raddiag.api.model.ModelRef;
import org.raddiag.api.model.ModelRegistry;
import org.raddiag.support.cli.Benchmarks;
import org.raddiag.support.cli.CommandSyntax;
import org.raddiag.support.cli.ParsedArgs;
import org.raddiag.support.cli.SyntaxCommand;
import org.raddiag.support.cli.UsageException;

/**
 * {@code bench-model --model NAME [--backend B] [--scans 1,4] [--repeat N] [--json]}: inference latency of a model
 * on synthetic cases of 1..4 full-depth scans (every slice valid), after one warm-up call; reports per-case and
 * per-scan latency, achieved GFLOP/s for the reference architecture (343.6 GFLOP per 32-slice 256x256 scan) and the
 * process's peak RSS. A benchmark, not a test.
 */
@Component(service = Command.class, property = {SyntaxCommand.COMMAND_KIND, SyntaxCommand.COMMAND_NAME + "bench-model"},
        reference = {@Reference(name = CommandServices.DIAGNOSIS, service = DiagnosisService.class),
            @Reference(name = CommandServices.REGISTRY, service = ModelRegistry.class)})
public final class BenchModelCommand extends SyntaxCommand {
    static final CommandSyntax SYNTAX = CommandSyntax.command("bench-model",
            "Benchmark (not a test): inference latency, GFLOP/s, peak RSS of an installed model.")
            .required("model", "NAME[:VERSION]", "installed model package")
            .option("backend", "B", "compute backend: pytorch or onnxruntime (default: the service's)")
            .option("scans", "N,N...", "scans per synthetic case, one measurement each", "1,4")
            .option("repeat", "N", "timed runs per measurement", "3")
            .jsonFlag()
            .build();

    public BenchModelCommand() {
        super(SYNTAX, "benchmark: inference latency, GFLOP/s, peak RSS");
    }

    /** Forward FLOPs of one 32-slice 256x256 scan through the reference ResNet-50 + pooling (reference-model.md A.5). */
    private static final double REFERENCE_GFLOP_PER_SCAN = 343.6;

    private final CommandServices services = new CommandServices();

    @Activate
    void activate(ComponentContext cc) {
        services.activate(cc);
    }

    @Override
    protected int run(ParsedArgs a, PrintStream out, PrintStream err) throws Exception {
        boolean json = a.flag("json");
        ModelRef model = a.modelRef("model");
        String backend = a.value("backend");
        int repeat = a.count("repeat");
        String scansOpt = a.value("scans");
        List<Integer> scanCounts = new ArrayList<>();
        for (String s : scansOpt.split(",")) {
            try {
                scanCounts.add(Integer.parseInt(s.trim()));
            } catch (NumberFormatException e) {
                throw new UsageException("--scans takes whole numbers separated by commas, not '" + scansOpt + "'");
            }
        }
        ModelPackage pkg = services.registry().find(model).orElse(null);
        if (pkg == null) {
            err.println("bench-model: no model " + model + " (installed: " + services.registry().list() + ")");
            return 1;
        }
        ArchitectureConfig arch = pkg.architecture();
        boolean reference = arch.asMap().equals(ArchitectureConfig.referenceDefault().asMap());
        int size = arch.getInt(ArchitectureConfig.IMAGE_SIZE);
        int depth = arch.getInt(ArchitectureConfig.DEPTH);
        DiagnosisRequest request = new DiagnosisRequest(pkg.ref(), backend, 5);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int scans : scanCounts) {
            Case c = syntheticCase(scans, size, depth);
            Diagnosis warm = services.diagnosis().diagnose(c, request);
            double[] ms = new double[repeat];
            double[] pre = new double[repeat];
            double[] fwd = new double[repeat];
            for (int i = 0; i < repeat; i++) {
                long t0 = System.nanoTime();
                Diagnosis d = services.diagnosis().diagnose(c, request);
                ms[i] = (System.nanoTime() - t0) / 1e6;
                pre[i] = d.timingsMs().getOrDefault("preprocess", Double.NaN);
                fwd[i] = d.timingsMs().getOrDefault("inference", Double.NaN);
            }
            double median = Benchmarks.median(ms);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("scans", scans);
            r.put("slicesPerScan", depth);
            r.put("backend", warm.backend());
            r.put("caseMsRuns", ms);
            r.put("caseMsMedian", median);
            r.put("scanMsMedian", median / scans);
            r.put("preprocessMsMedian", Benchmarks.median(pre));
            r.put("inferenceMsMedian", Benchmarks.median(fwd));
            if (reference) {
                r.put("gflopPerCase", REFERENCE_GFLOP_PER_SCAN * scans);
                r.put("gflopPerSecond", REFERENCE_GFLOP_PER_SCAN * scans / (median / 1000));
            }
            r.put("peakRssMiB", Benchmarks.peakRssMiB());
            rows.add(r);
            if (!json) {
                out.printf("%s on %s, %d scan(s) x %d slices: case %.0f ms (median of %d; runs %s; preprocess %.0f, "
                        + "inference %.0f), per scan %.0f ms%s, peak RSS %.0f MiB%n", pkg.ref(), warm.backend(), scans,
                        depth, median, repeat, Arrays.toString(Arrays.stream(ms).mapToLong(Math::round).toArray()),
                        Benchmarks.median(pre), Benchmarks.median(fwd), median / scans,
                        reference ? String.format(", %.1f GFLOP/s", REFERENCE_GFLOP_PER_SCAN * scans / (median / 1000)) : "",
                        Benchmarks.peakRssMiB());
            }
        }
        if (json) {
            out.println(new GsonBuilder().setPrettyPrinting().create().toJson(Map.of("model", pkg.ref().toString(),
                    "results", rows)));
        }
        return 0;
    }

    /** A case of {@code scans} CT-like volumes (random values, fixed seed), every slice valid. */
    static Case syntheticCase(int scans, int size, int depth) {
        Random r = new Random(1);
        List<Sample> samples = new ArrayList<>();
        for (int s = 0; s < scans; s++) {
            float[] v = new float[size * size * depth];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (r.nextGaussian() * 300);
            }
            Scan scan = new Scan(new Volume(v, size, size, depth), Modality.CT, Plane.AXIAL, -1, "synthetic-" + s);
            samples.add(new Sample(Modality.CT, List.of(scan)));
        }
        return new Case("bench-" + scans, samples, List.of());
    }
}
