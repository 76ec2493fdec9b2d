package org.raddiag.backbone.resnet.internal;

import org.raddiag.model.importer.ImportCommand;
import org.raddiag.model.importer.Architectures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.api.model.ModelPackage;
import org.raddiag.api.model.ModelRef;
import org.raddiag.checkpoint.StateDict;
import org.raddiag.checkpoint.TensorData;
import org.raddiag.checkpoint.TorchCheckpointWriter;
import org.raddiag.core.registry.FileModelRegistry;
import org.raddiag.testsupport.TestData;

/**
 * Slow ({@code -Draddiag.slow=true}): the published default checkpoint's full state dict (436 keys from
 * {@code state_dict_keys.tsv}, aliases as shared storages, random values) written as {@code pytorch_model.bin},
 * imported with {@code --arch reference-default} and the RP3D labels of the distribution folder.
 */
@EnabledIfSystemProperty(named = "raddiag.slow", matches = "true")
class FullSizeImportTest {
    @TempDir
    Path tmp;

    @Test
    void importsTheFullSizeReferenceCheckpoint() throws Exception {
        List<String> rows = Files.readAllLines(TestData.reference("state_dict_keys.tsv"));
        long used = rows.stream().skip(1).filter(r -> r.split("\t", -1)[4].equals("yes")).count();
        Path bin = tmp.resolve("pytorch_model.bin");
        long t0 = System.nanoTime();
        TorchCheckpointWriter.write(bin, referenceStateDict(rows.subList(1, rows.size())));
        long written = System.nanoTime();
        System.gc();
        Path home = tmp.resolve("home");
        Path labels = home.resolve(ImportCommand.RP3D_LABELS);
        Files.createDirectories(labels.getParent());
        Files.copy(TestData.root().resolve("rp3d-demo/disorder_label_dict.json"), labels);

        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        FileModelRegistry registry = new FileModelRegistry(tmp.resolve("models"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long t1 = System.nanoTime();
        int status = new ImportCommand(registry, ReferenceNets.assembler(), home).run(List.of(bin.toString(), "--arch", "reference-default",
                "--name", "rp3d-default:1.0.0"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        long t2 = System.nanoTime();
        String report = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertTrue(report.contains(used + " loaded, 117 ignored (known unused), 0 missing, 0 unexpected"), report);
        assertTrue(report.contains("114,774,529 trainable"), report);

        ModelPackage p = registry.find(ModelRef.parse("rp3d-default")).orElseThrow();
        assertEquals(5569, p.labels().size());
        assertEquals("Normal", p.labels().label(0));
        assertEquals(85, p.labels().headEnd());
        assertEquals(555, p.labels().mediumEnd());
        long weightBytes = Files.size(p.weights());
        assertTrue(weightBytes > 450_000_000L && weightBytes < 470_000_000L, "weights " + weightBytes);

        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("[full-size import] checkpoint %,d bytes written in %.1f s; import %.1f s; "
                + "peak heap during import %,d MB (max %,d MB); package weights %,d bytes%n%s", Files.size(bin),
                (written - t0) / 1e9, (t2 - t1) / 1e9, peak >> 20, Runtime.getRuntime().maxMemory() >> 20,
                weightBytes, report);
    }

    /** Tensors of every row (aliases share their canonical key's tensor), deterministic random values. */
    private static StateDict referenceStateDict(List<String> rows) {
        StateDict sd = new StateDict();
        SplittableRandom rnd = new SplittableRandom(7);
        for (String row : rows) {
            String[] c = row.split("\t", -1);
            if (!c[6].isEmpty()) {
                sd.putAlias(c[0], c[6]);
                continue;
            }
            String dims = c[1].substring(1, c[1].length() - 1);
            long[] shape = dims.isEmpty() ? new long[0]
                    : java.util.Arrays.stream(dims.split(",")).mapToLong(Long::parseLong).toArray();
            int n = Math.toIntExact(TensorData.numel(shape));
            if (c[2].equals("int64")) {
                sd.put(c[0], TensorData.ofLongs(new long[n], shape));
            } else {
                float[] v = new float[n];
                for (int i = 0; i < n; i++) {
                    v[i] = (float) (rnd.nextDouble() - 0.5) * 0.02f;
                }
                sd.put(c[0], TensorData.ofFloats(v, shape));
            }
        }
        return sd;
    }
}
