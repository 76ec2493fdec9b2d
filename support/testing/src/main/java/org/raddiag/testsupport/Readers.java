package org.raddiag.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.raddiag.api.io.ModalityReader;

/**
 * Reader plugins on the test class path, found through the {@code META-INF/services} file each reader plugin ships
 * (the same way a plain-Java embedding finds them outside OSGi), so tests never import a plugin's private package.
 */
public final class Readers {
    private Readers() {
    }

    /** The reader called {@code name} ({@code npy}, {@code nifti}, {@code dicom}, {@code image}, ...). */
    public static ModalityReader named(String name) {
        List<String> seen = new ArrayList<>();
        for (ModalityReader r : ServiceLoader.load(ModalityReader.class, Readers.class.getClassLoader())) {
            if (r.name().equals(name)) {
                return r;
            }
            seen.add(r.name());
        }
        throw new IllegalStateException("no reader '" + name + "' on the test class path (found " + seen
                + "); add the reader plugin as a test-scope dependency");
    }
}
