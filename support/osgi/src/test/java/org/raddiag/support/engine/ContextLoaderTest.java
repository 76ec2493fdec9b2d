package org.raddiag.support.engine;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

class ContextLoaderTest {
    @Test
    void runsWithTheLoaderAndRestoresTheCallersEvenOnFailure() throws Exception {
        ClassLoader caller = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader bundle = new URLClassLoader(new URL[0], null)) {
            assertSame(bundle, ContextLoader.call(bundle, () -> Thread.currentThread().getContextClassLoader()));
            assertSame(caller, Thread.currentThread().getContextClassLoader());
            assertThrows(IOException.class, () -> ContextLoader.call(bundle, () -> {
                throw new IOException("natives missing");
            }));
            assertSame(caller, Thread.currentThread().getContextClassLoader());
        }
    }
}
