package org.raddiag.onnx.internal;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.raddiag.api.cli.Command;
import org.raddiag.api.model.ModelPackage;
import org.raddiag.api.model.ModelRef;
import org.raddiag.api.model.ModelRegistry;
import org.raddiag.onnx.OnnxExporter;

/** {@code export-onnx --model NAME[:VERSION] OUT.onnx}: writes the model as ONNX, atomically. */
@Component(property = {"raddiag.kind=command", "raddiag.command=export-onnx"})
public final class ExportOnnxCommand implements Command {
    static final String USAGE = "usage: export-onnx --model NAME[:VERSION] OUT.onnx";
    private final ModelRegistry registry;
    private final OnnxExporter exporter;

    @Activate
    public ExportOnnxCommand(@Reference(name = "registry") ModelRegistry registry,
            @Reference(name = "exporter") OnnxExporter exporter) {
        this.registry = registry;
        this.exporter = exporter;
    }

    @Override
    public String name() {
        return "export-onnx";
    }

    @Override
    public String summary() {
        return "write a model as ONNX (opset 17; batch, slots, slices dynamic)  --model NAME[:VERSION] OUT.onnx";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        String model = null;
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--model") && i + 1 < args.size()) {
                model = args.get(++i);
            } else if (a.startsWith("--model=")) {
                model = a.substring("--model=".length());
            } else if (a.startsWith("--")) {
                err.println("unknown option " + a + "\n" + USAGE);
                return 2;
            } else {
                positional.add(a);
            }
        }
        if (model == null || positional.size() != 1) {
            err.println(USAGE);
            return 2;
        }
        ModelRef ref;
        try {
            ref = ModelRef.parse(model);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        Optional<ModelPackage> pkg = registry.find(ref);
        if (pkg.isEmpty()) {
            err.println("model " + ref + " is not installed (installed: " + registry.list() + ")");
            return 1;
        }
        Path target = Paths.get(positional.get(0)).toAbsolutePath().normalize();
        long t0 = System.nanoTime();
        try {
            exporter.export(pkg.get(), target);
        } catch (IllegalArgumentException e) {
            err.println("cannot export " + pkg.get().ref() + ": " + e.getMessage());
            return 1;
        }
        out.printf("exported %s to %s (%d bytes, ONNX opset %d, blocks %s) in %d ms%n", pkg.get().ref(), target,
                Files.size(target), ProtoGraphBuilder.OPSET, exporter.blockTypes(pkg.get().architecture()),
                (System.nanoTime() - t0) / 1_000_000);
        return 0;
    }
}
