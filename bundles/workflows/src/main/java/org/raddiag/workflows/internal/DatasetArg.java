package org.raddiag.workflows.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.raddiag.api.train.DatasetSource;
import org.raddiag.support.home.RaddiagHome;

/**
 * {@code --dataset NAME[:FOLDER]}: the dataset layout plugin called NAME ({@code rp3d}, {@code phantom}, ...) opens
 * FOLDER with the given options; without a folder, {@code work/NAME} under the home (the phantom layout generates
 * its dataset there). The phantom without options is the demo's dataset (what {@code --dataset phantom} always
 * meant).
 */
final class DatasetArg {
    private DatasetArg() {
    }

    static DatasetSource open(String arg, Map<String, String> options, TrainingPlugins plugins, RaddiagHome home)
            throws IOException {
        int colon = arg.indexOf(':');
        String name = colon < 0 ? arg : arg.substring(0, colon);
        if (name.isBlank()) {
            throw new IllegalArgumentException("--dataset needs NAME[:FOLDER], e.g. rp3d:/data/rp3d or phantom");
        }
        Path folder = colon < 0 ? home.work().resolve(name)
                : Paths.get(arg.substring(colon + 1)).toAbsolutePath().normalize();
        return plugins.layout(name).open(folder, options.isEmpty() && name.equals("phantom") ? DemoSettings.dataset()
                : options);
    }
}
