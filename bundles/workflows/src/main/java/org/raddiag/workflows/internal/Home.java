package org.raddiag.workflows.internal;

import java.nio.file.Path;
import java.nio.file.Paths;

/** The runtime's home folder ({@code raddiag.home}), or the working directory. */
final class Home {
    private Home() {
    }

    static Path get() {
        return Paths.get(System.getProperty("raddiag.home", ".")).toAbsolutePath().normalize();
    }
}
