package org.raddiag.core.cases;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.raddiag.api.io.ReadOptions;
import org.raddiag.support.numpy.NpyFormat;
import org.raddiag.testsupport.Readers;

/** The RP3D demo data under {@code testdata/rp3d-demo}, opened with the real NumPy reader. */
public final class DemoData {
    private DemoData() {
    }

    public static Path testdata() {
        String p = System.getProperty("raddiag.testdata");
        if (p == null) {
            throw new IllegalStateException("system property raddiag.testdata is not set");
        }
        return Paths.get(p);
    }

    public static Path root() {
        return testdata().resolve("rp3d-demo");
    }

    /** Key-slice files: int64 arrays of shape (1,). */
    public static final KeySliceSource KEYS = file -> (int) NpyFormat.read(file, 16).toLongArray()[0];

    public static ScanFiles scanFiles() {
        return new ScanFiles(List.of(Readers.named("npy")), ReadOptions.defaults());
    }

    public static Rp3dCaseFile caseFile() throws java.io.IOException {
        return new Rp3dCaseFile(root().resolve("demoData.json"), new DataPathResolver(root()), scanFiles(), KEYS,
                Rp3dCaseFile.ARTICLES);
    }
}
