package org.raddiag.workflows.internal;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.raddiag.api.cli.Command;
import org.raddiag.api.text.KnowledgeLabels;
import org.raddiag.api.train.DatasetSource;
import org.raddiag.api.train.Trainer;
import org.raddiag.model.assembly.NetworkAssembler;
import org.raddiag.support.cli.CommandSyntax;
import org.raddiag.support.cli.ParsedArgs;
import org.raddiag.support.cli.SyntaxCommand;
import org.raddiag.support.home.RaddiagHome;

/**
 * {@code experiment PLAN.json --out DIR [--json]}: trains and evaluates the plan's variants on one dataset, one after
 * another ({@link ExperimentRun}), resumable, and writes {@code comparison.json} and {@code comparison.html}.
 */
@Component(service = Command.class, property = {SyntaxCommand.COMMAND_KIND, SyntaxCommand.COMMAND_NAME + "experiment"})
public final class ExperimentCommand extends SyntaxCommand {
    static final CommandSyntax SYNTAX = CommandSyntax.command("experiment",
            "Trains and evaluates the variants of PLAN.json (backbone, head, fusion, settings) on one dataset, one"
            + " after another; run it again with the same --out to resume. Writes DIR/comparison.json and"
            + " DIR/comparison.html (per variant head/medium/tail/all AUC, AP, F1max, MCC with bootstrap intervals,"
            + " and the loss curves).")
            .positional("PLAN.json", "the plan (see the README: dataset, datasetOptions, trainer, settings, variants)")
            .required("out", "DIR", "experiment folder (one folder per variant, the comparison)")
            .flag("json", "print comparison.json instead of the summary")
            .build();

    public ExperimentCommand() {
        super(SYNTAX, "compare trained variants");
    }

    @Reference
    private Workbenches workbenches;
    @Reference
    private NetworkAssembler assembler;
    @Reference
    private KnowledgeLabels knowledge;

    @Override
    protected int run(ParsedArgs a, PrintStream out, PrintStream err) throws Exception {
        ExperimentPlan plan = ExperimentPlan.read(a.positionalPath(0, "PLAN.json"));
        Path dir = a.requiredPath("out").toAbsolutePath().normalize();
        Trainer trainer = workbenches.plugins().trainer(plan.trainer());
        DatasetSource data = DatasetArg.open(plan.dataset(), plan.datasetOptions(), workbenches.plugins(),
                RaddiagHome.current());
        PrintStream console = a.flag("json") ? err : out;
        new ExperimentRun(plan, dir, trainer, assembler, workbenches.of(trainer), knowledge).run(data,
                console);
        if (a.flag("json")) {
            out.println(Files.readString(dir.resolve(ExperimentRun.JSON)));
        } else {
            out.println("comparison: " + dir.resolve(ExperimentRun.HTML) + " and " + ExperimentRun.JSON);
        }
        return 0;
    }
}
