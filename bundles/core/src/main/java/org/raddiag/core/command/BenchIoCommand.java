package org.raddiag.core.command;

import com.google.gson.GsonBuilder;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.raddiag.api.cli.Command;
import org.raddiag.api.data.LabelSet;
import org.raddiag.api.data.Scan;
import org.raddiag.api.io.ReadOptions;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.core.cases.CaseLocator;
import org.raddiag.core.cases.LoadedCase;
import org.raddiag.core.io.ReaderRegistry;
import org.raddiag.core.preprocess.CaseTensorizer;
import org.raddiag.core.preprocess.TensorizerSettings;
import org.raddiag.support.cli.CommandSyntax;
import org.raddiag.support.cli.ParsedArgs;
import org.raddiag.support.cli.SyntaxCommand;

/**
 * {@code bench-io PATH... [--repeat N] [--json]}: how fast files become model input. For each path (a DICOM
 * folder, a NIfTI file, a case folder, ...) it reads the scans with the installed readers and tensorises them for
 * the reference model (256 x 256, 32 slices, 4 slots), once to warm up and then N times, and reports slices per
 * second for reading and for reading plus preprocessing, and the peak heap. A benchmark, not a test.
 */
@Component(service = Command.class, property = {SyntaxCommand.COMMAND_KIND, SyntaxCommand.COMMAND_NAME + "bench-io"},
        reference = {@Reference(name = CommandServices.READERS, service = ReaderRegistry.class)})
public final class BenchIoCommand extends SyntaxCommand {
    static final CommandSyntax SYNTAX = CommandSyntax.command("bench-io",
            "Benchmark (not a test): files to model input, slices/s and peak heap.")
            .option("repeat", "N", "timed runs per path", "3")
            .jsonFlag()
            .positionals("PATH", "files or folders to read", 1)
            .build();

    public BenchIoCommand() {
        super(SYNTAX, "benchmark: files to model input, slices/s and peak heap", false);
    }

    private static final LabelSet NO_LABELS = new LabelSet("none", List.of(), 0, 0);

    private final CommandServices services = new CommandServices();

    @Activate
    void activate(ComponentContext cc) {
        services.activate(cc);
    }

    @Override
    protected int run(ParsedArgs a, PrintStream out, PrintStream err) throws Exception {
        boolean json = a.flag("json");
        int repeat = a.count("repeat");
        List<String> paths = a.positionals();
        CaseTensorizer tensorizer = new CaseTensorizer(TensorizerSettings.of(ArchitectureConfig.referenceDefault()));
        CaseLocator locator = new CaseLocator(services.readers().plainScanFiles(ReadOptions.defaults()), null,
                "articles");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String p : paths) {
            Path path = Paths.get(p).toAbsolutePath().normalize();
            measureOnce(locator, tensorizer, path); // warm-up (JIT, page cache)
            System.gc();
            resetPeaks();
            long heapBefore = heapUsed();
            double readMs = 0;
            double tensorMs = 0;
            long slices = 0;
            long voxels = 0;
            for (int i = 0; i < repeat; i++) {
                long t0 = System.nanoTime();
                List<LoadedCase> cases = locator.locate(path, null);
                long t1 = System.nanoTime();
                for (LoadedCase c : cases) {
                    if (!c.problems().isEmpty()) {
                        err.println("bench-io: " + c.problems().get(0).getMessage());
                        return 1;
                    }
                    tensorizer.tensorize(c.value(), NO_LABELS);
                    for (Scan s : c.value().scans()) {
                        slices += s.volume().depth();
                        voxels += (long) s.volume().width() * s.volume().height() * s.volume().depth();
                    }
                }
                long t2 = System.nanoTime();
                readMs += (t1 - t0) / 1e6;
                tensorMs += (t2 - t1) / 1e6;
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("path", path.toString());
            r.put("reader", services.readers().readerFor(path));
            r.put("slicesPerRun", slices / repeat);
            r.put("voxelsPerRun", voxels / repeat);
            r.put("readMsPerRun", readMs / repeat);
            r.put("tensoriseMsPerRun", tensorMs / repeat);
            r.put("readSlicesPerSecond", slices / (readMs / 1000));
            r.put("slicesPerSecondToTensor", slices / ((readMs + tensorMs) / 1000));
            r.put("peakHeapMiB", peakHeap() / 1048576.0);
            r.put("heapBeforeMiB", heapBefore / 1048576.0);
            rows.add(r);
            if (!json) {
                out.printf("%s [%s]: %d slices, read %.0f ms (%.0f slices/s), to tensor %.0f ms (%.0f slices/s), "
                        + "peak heap %.0f MiB%n", path, r.get("reader"), slices / repeat, readMs / repeat,
                        r.get("readSlicesPerSecond"), (readMs + tensorMs) / repeat, r.get("slicesPerSecondToTensor"),
                        r.get("peakHeapMiB"));
            }
        }
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("repeat", repeat);
            doc.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / 1048576.0);
            doc.put("cpus", Runtime.getRuntime().availableProcessors());
            doc.put("results", rows);
            out.println(new GsonBuilder().setPrettyPrinting().create().toJson(doc));
        }
        return 0;
    }

    private static void measureOnce(CaseLocator locator, CaseTensorizer t, Path path) throws Exception {
        for (LoadedCase c : locator.locate(path, null)) {
            if (c.problems().isEmpty()) {
                t.tensorize(c.value(), NO_LABELS);
            }
        }
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
