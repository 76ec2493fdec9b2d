package org.raddiag.api.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Opens datasets stored on disk in one layout ({@code raddiag.kind=dataset-layout}, {@code raddiag.dataset=<name>}),
 * e.g. the RP3D-DiagDS JSON layout. Options are layout-specific (label file, label level, split sizes).
 */
public interface DatasetLayout {
    /** Layout name, e.g. {@code rp3d}. */
    String name();

    /**
     * Opens the dataset in {@code folder}.
     *
     * @throws IOException naming the folder and what is missing or malformed
     */
    DatasetSource open(Path folder, Map<String, String> options) throws IOException;
}
