package org.raddiag.reader.nifti.internal;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;

/** The NIfTI test files under {@code src/test/resources/nifti} (see NOTICE.md there). */
final class NiftiFiles {
    private NiftiFiles() {
    }

    static Path get(String name) {
        try {
            return Paths.get(NiftiFiles.class.getResource("/nifti/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test resource nifti/" + name + " is missing", e);
        }
    }
}
