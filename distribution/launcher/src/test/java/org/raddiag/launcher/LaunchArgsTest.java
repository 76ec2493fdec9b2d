package org.raddiag.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LaunchArgsTest {
    @Test
    void verboseIsGlobalBeforeTheCommandOrAmongItsOptions() {
        LaunchArgs a = LaunchArgs.parse(new String[] {"--verbose", "models", "--json"});
        assertTrue(a.verbose());
        assertEquals("models", a.command());
        assertEquals(List.of("--json"), a.args());
        LaunchArgs b = LaunchArgs.parse(new String[] {"inspect", "x", "--verbose", "--json"});
        assertTrue(b.verbose());
        assertEquals(List.of("x", "--json"), b.args());
        LaunchArgs c = LaunchArgs.parse(new String[] {"inspect", "--", "--verbose"});
        assertFalse(c.verbose(), "after -- it is the command's positional");
        assertEquals(List.of("--", "--verbose"), c.args());
    }

    @Test
    void noCommandOrShellIsInteractive() {
        assertTrue(LaunchArgs.parse(new String[0]).interactive());
        assertTrue(LaunchArgs.parse(new String[] {"--verbose"}).interactive());
        assertTrue(LaunchArgs.parse(new String[] {"shell"}).interactive());
        assertFalse(LaunchArgs.parse(new String[] {"status"}).interactive());
    }

    @Test
    void helpIsSeenBeforeDoubleDashOnly() {
        assertTrue(LaunchArgs.parse(new String[] {"diagnose", "--model", "m", "--help"}).helpRequested());
        assertTrue(LaunchArgs.parse(new String[] {"diagnose", "-h"}).helpRequested());
        assertFalse(LaunchArgs.parse(new String[] {"inspect", "--", "-h"}).helpRequested());
        assertFalse(LaunchArgs.parse(new String[] {"inspect", "--helpful"}).helpRequested());
    }

    @Test
    void servePortInBothFormsOnlyForServeAndOnlyWhenAPort() {
        assertEquals("0", LaunchArgs.parse(new String[] {"serve", "--port", "0"}).servePort());
        assertEquals("8500", LaunchArgs.parse(new String[] {"serve", "--port=8500"}).servePort());
        assertNull(LaunchArgs.parse(new String[] {"status", "--port", "1"}).servePort());
        assertNull(LaunchArgs.parse(new String[] {"serve", "--port", "x"}).servePort(), "serve refuses it itself");
        assertNull(LaunchArgs.parse(new String[] {"serve", "--port", "70000"}).servePort());
        assertNull(LaunchArgs.parse(new String[] {"serve"}).servePort());
    }
}
