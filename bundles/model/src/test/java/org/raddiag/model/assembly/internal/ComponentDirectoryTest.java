package org.raddiag.model.assembly.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A load waits for a plugin being replaced, up to its grace period, then fails naming what is installed. */
class ComponentDirectoryTest {
    private static long in(long ms) {
        return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
    }

    /** {@code d.await(name)} with a grace period of {@code ms}, on another thread; its IOException fails the future. */
    private static CompletableFuture<String> loadElsewhere(ComponentDirectory<String> d, String name, long ms) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return d.await(name, in(ms));
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        });
    }

    @Test
    void boundPluginIsReturnedAtOnceAndRemovalOnlyRemovesThatInstance() throws Exception {
        ComponentDirectory<String> d = new ComponentDirectory<>("backbone");
        d.add("resnet18", "v1");
        d.remove("resnet18", "v0");
        assertEquals("v1", d.await("resnet18", in(0)));
        d.add("resnet18", "v2");
        d.remove("resnet18", "v1");
        assertEquals("v2", d.await("resnet18", in(0)));
    }

    @Test
    void loadWaitsForAPluginThatComesBackWithinTheGracePeriod() throws Exception {
        ComponentDirectory<String> d = new ComponentDirectory<>("backbone");
        CompletableFuture<String> load = loadElsewhere(d, "resnet18", 10_000);
        Thread.sleep(100);
        assertTrue(!load.isDone(), "the load waits while the plugin is missing");
        d.add("vit", "other");
        Thread.sleep(50);
        assertTrue(!load.isDone(), "another plugin does not end the wait");
        d.add("resnet18", "v2");
        assertEquals("v2", load.get(5, TimeUnit.SECONDS));
    }

    @Test
    void missingPluginFailsAfterTheGracePeriodWithTheInstalledNames() {
        ComponentDirectory<String> d = new ComponentDirectory<>("backbone");
        d.add("vit", "x");
        long t0 = System.nanoTime();
        IOException e = assertThrows(IOException.class, () -> d.await("resnet18", in(200)));
        long waited = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(waited >= 190 && waited < 5_000, "waited " + waited + " ms");
        assertTrue(e.getMessage().startsWith("no backbone plugin 'resnet18' is installed (installed: [vit]; waited "),
                e.getMessage());
        assertThrows(IOException.class, () -> d.await("resnet18", in(0)), "no grace period: fails at once");
    }

    @Test
    void closingWakesWaitingLoads() throws Exception {
        ComponentDirectory<String> d = new ComponentDirectory<>("head");
        CompletableFuture<String> load = loadElsewhere(d, "mlp", 60_000);
        Thread.sleep(100);
        d.close();
        ExecutionException failed = assertThrows(ExecutionException.class, () -> load.get(5, TimeUnit.SECONDS));
        assertTrue(failed.getCause() instanceof IOException, String.valueOf(failed.getCause()));
        String msg = failed.getCause().getMessage();
        assertTrue(msg.contains("no head plugin 'mlp'") && msg.contains("runner is stopping"), msg);
    }
}
