package org.raddiag.dataset.phantom.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.api.train.DatasetSource.Split;

/** The default size (600/100/200 cases, 64 x 64, up to 16 slices) generates in seconds, then is kept. */
class DemoSizeTest {
    @TempDir
    Path dir;

    @Test
    void demoSizeIsFastAndKeptOnRerun() throws Exception {
        Path out = Boolean.getBoolean("phantom.keep") ? Path.of("target/phantom-demo") : dir;
        PhantomDescription d = PhantomDataset.generate(PhantomSpec.defaults(), out);
        System.out.println("[phantom] " + d);
        assertEquals(600, d.caseCount(Split.TRAIN));
        assertEquals(100, d.caseCount(Split.VALIDATION));
        assertEquals(200, d.caseCount(Split.TEST));
        assertTrue(d.millis() < 60_000, "generation took " + d.millis() + " ms");
        PhantomDescription again = PhantomDataset.generate(PhantomSpec.defaults(), out);
        assertFalse(again.generated());
        System.out.println("[phantom] rerun " + again);
    }
}
