package org.raddiag.onnx.internal;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.raddiag.api.cli.Command;
import org.raddiag.api.model.ModelPackage;
import org.raddiag.api.model.ModelRef;
import org.raddiag.api.model.ModelRegistry;
import org.raddiag.onnx.OnnxExporter;
import org.raddiag.support.cli.CommandSyntax;
import org.raddiag.support.cli.ParsedArgs;
import org.raddiag.support.cli.SyntaxCommand;

/** {@code export-onnx --model NAME[:VERSION] OUT.onnx}: writes the model as ONNX, atomically. */
@Component(service = Command.class, property = {SyntaxCommand.COMMAND_KIND, SyntaxCommand.COMMAND_NAME + "export-onnx"})
public final class ExportOnnxCommand extends SyntaxCommand {
    static final CommandSyntax SYNTAX = CommandSyntax.command("export-onnx",
            "An installed model as ONNX (opset 17; batch, scan slots and slices dynamic), written atomically.")
            .required("model", "NAME[:VERSION]", "installed model package")
            .positional("OUT.onnx", "file to write")
            .build();
    private final ModelRegistry registry;
    private final OnnxExporter exporter;

    @Activate
    public ExportOnnxCommand(@Reference(name = "registry") ModelRegistry registry,
            @Reference(name = "exporter") OnnxExporter exporter) {
        super(SYNTAX, "write a model as ONNX (opset 17; batch, slots, slices dynamic)");
        this.registry = registry;
        this.exporter = exporter;
    }

    @Override
    protected int run(ParsedArgs a, PrintStream out, PrintStream err) throws Exception {
        ModelRef ref = a.modelRef("model");
        Optional<ModelPackage> pkg = registry.find(ref);
        if (pkg.isEmpty()) {
            err.println("model " + ref + " is not installed (installed: " + registry.list() + ")");
            return 1;
        }
        Path target = a.positionalPath(0, "OUT.onnx").toAbsolutePath().normalize();
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
