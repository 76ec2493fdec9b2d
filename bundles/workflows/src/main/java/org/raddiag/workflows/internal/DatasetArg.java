package org.raddiag.workflows.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.raddiag.api.train.DatasetLayout;
import org.raddiag.api.train.DatasetSource;
import org.raddiag.dataset.phantom.PhantomDataset;
import org.raddiag.dataset.phantom.PhantomDescription;
import org.raddiag.support.home.RaddiagHome;

/** Parses {@code --dataset rp3d:FOLDER} or {@code phantom[:FOLDER]} (generated with the demo settings if missing). */
final class DatasetArg {
    private DatasetArg() {
    }

    static DatasetSource open(String arg, DatasetLayout rp3d, RaddiagHome home, PrintStream out) throws IOException {
        if (arg.startsWith("rp3d:")) {
            return rp3d.open(Paths.get(arg.substring(5)).toAbsolutePath().normalize(), Map.of());
        }
        if (arg.equals("phantom") || arg.startsWith("phantom:")) {
            Path folder = arg.equals("phantom") ? home.phantom()
                    : Paths.get(arg.substring(8)).toAbsolutePath().normalize();
            PhantomDescription d = PhantomDataset.generate(DemoSettings.dataset(), folder);
            out.println((d.generated() ? "generated " : "using ") + d);
            return rp3d.open(folder, Map.of());
        }
        throw new IllegalArgumentException("--dataset must be rp3d:FOLDER or phantom[:FOLDER], not '" + arg + "'");
    }
}
