package org.raddiag.model.blocks;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link OpProfile} records the operators the thread ran, one profile at a time, and writes a Chrome trace. */
class OpProfileTest {

    @Test
    void writesTheTraceOfTheOperatorsRun(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("step.json");
        try (NDManager m = NDManager.newBaseManager(); OpProfile p = OpProfile.start()) {
            NDArray x = m.ones(new Shape(2, 3, 8, 8));
            NDArray w = m.ones(new Shape(4, 3, 3, 3));
            Conv2d.conv2d(x, w, null, new Shape(1, 1), new Shape(1, 1)).head().sum().getFloat();
            assertThrows(IllegalStateException.class, OpProfile::start, "one profile at a time");
            p.writeTo(trace);
            assertThrows(IllegalStateException.class, () -> p.writeTo(trace), "a stopped profile stays stopped");
        }
        String json = Files.readString(trace);
        assertTrue(json.contains("\"aten::convolution\""), json.substring(0, Math.min(400, json.length())));
        assertTrue(json.contains("[2, 3, 8, 8]"), "the shapes are recorded");
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.allMatch(trace::equals), "no temporary file is left beside the trace");
        }
        // closing without writing drops the profile, and the next one may start
        try (OpProfile p = OpProfile.start()) {
            assertTrue(p != null);
        }
    }
}
