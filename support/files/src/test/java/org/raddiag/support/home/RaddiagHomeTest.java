package org.raddiag.support.home;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RaddiagHomeTest {
    @TempDir
    Path tmp;

    private static Path resolve(Map<String, String> props, Map<String, String> env) {
        return RaddiagHome.resolve(props::get, env::get);
    }

    @Test
    void propertyThenEnvironmentThenXdgThenUserHome() {
        Map<String, String> all = Map.of("raddiag.home", "/p", "user.home", "/u");
        Map<String, String> env = Map.of("RADDIAG_HOME", "/e", "XDG_DATA_HOME", "/x");
        assertEquals(Paths.get("/p"), resolve(all, env));
        assertEquals(Paths.get("/e"), resolve(Map.of("user.home", "/u"), env));
        assertEquals(Paths.get("/x/raddiag"), resolve(Map.of("user.home", "/u"), Map.of("XDG_DATA_HOME", "/x")));
        assertEquals(Paths.get("/u/.raddiag"), resolve(Map.of("user.home", "/u"), Map.of()));
        // ~ is $HOME, as in the shell; user.home (the password database) only without it
        assertEquals(Paths.get("/h/.raddiag"), resolve(Map.of("user.home", "/u"), Map.of("HOME", "/h")));
        // blank values and a relative XDG_DATA_HOME (invalid per the XDG spec) are ignored
        assertEquals(Paths.get("/u/.raddiag"), resolve(Map.of("raddiag.home", " ", "user.home", "/u"),
                Map.of("RADDIAG_HOME", "", "XDG_DATA_HOME", "rel")));
        assertThrows(IllegalStateException.class, () -> resolve(Map.of(), Map.of()));
    }

    @Test
    void theTestRunNeverUsesTheUsersHome() {
        // the parent pom points RADDIAG_HOME into target/ for every test JVM
        Path home = RaddiagHome.current().root();
        assertTrue(home.toString().contains("target"), home.toString());
    }

    @Test
    void createMakesTheStandardFolders() throws IOException {
        RaddiagHome h = new RaddiagHome(tmp.resolve("h")).create();
        assertTrue(Files.isDirectory(h.models()) && Files.isDirectory(h.work()));
        assertEquals(tmp.resolve("h/work/demo"), h.demo());
        assertEquals(tmp.resolve("h/work/dicom-ingest"), h.dicomStore());
        Files.writeString(tmp.resolve("file"), "x");
        IOException e = assertThrows(IOException.class, () -> new RaddiagHome(tmp.resolve("file")).create());
        assertTrue(e.getMessage().contains("RADDIAG_HOME"), e.getMessage());
    }
}
