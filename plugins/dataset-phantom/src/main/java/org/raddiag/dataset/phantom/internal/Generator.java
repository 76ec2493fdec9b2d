package org.raddiag.dataset.phantom.internal;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.raddiag.api.data.LabelSet;
import org.raddiag.api.train.DatasetSource.Split;
import org.raddiag.support.files.DurableFiles;

/**
 * Generates a phantom dataset into a folder, or keeps it when its manifest already matches. Plans every case
 * first (sequentially, so image numbers and random streams do not depend on scheduling), then renders and writes
 * the images in parallel, then the case files, the label dictionary and, last, the manifest. One generation per
 * folder at a time (a lock file guards against other processes).
 */
public final class Generator {
    static final String LOCK = ".phantom.lock";
    private static final Object JVM_LOCK = new Object();

    private Generator() {
    }

    /** The label set of {@code spec}: "Normal", then the disorders by rank. */
    public static LabelSet labels(PhantomSpec spec) {
        List<String> names = new ArrayList<>();
        names.add(Catalogue.NORMAL);
        for (int i = 0; i < spec.labelCount() - 1; i++) {
            names.add(Catalogue.DISORDERS.get(i).name);
        }
        return new LabelSet("phantom", names, spec.headCount(), spec.mediumCount());
    }

    public static PhantomDescription generate(PhantomSpec spec, Path folder) throws IOException {
        long t0 = System.nanoTime();
        Path dir = folder.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        LabelSet labels = labels(spec);
        synchronized (JVM_LOCK) {
            try (FileChannel ch = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock lock = ch.lock()) {
                Optional<JsonObject> m = Manifest.read(dir);
                if (m.isPresent() && Manifest.complete(m.get(), spec, dir)) {
                    return Manifest.describe(m.get(), dir, spec, labels, false, millisSince(t0));
                }
                DatasetFiles.clean(dir);
                JsonObject written = write(spec, dir, labels);
                return Manifest.describe(written, dir, spec, labels, true, millisSince(t0));
            }
        }
    }

    /** Case plans of every split, in split order. */
    static Map<Split, List<CasePlan>> plan(PhantomSpec spec) {
        Map<Split, List<CasePlan>> out = new EnumMap<>(Split.class);
        CasePlanner planner = new CasePlanner(spec);
        long caseNumber = 0;
        for (Split s : Split.values()) {
            int n = cases(spec, s);
            List<List<Integer>> labels = LabelPlanner.assign(spec, n, SplitMix.derive(spec.seed(), 2, s.ordinal()));
            List<CasePlan> plans = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String id = String.format(Locale.ROOT, "phantom/%s/%05d", Manifest.name(s), i + 1);
                plans.add(planner.plan(id, labels.get(i), caseNumber++));
            }
            out.put(s, plans);
        }
        return out;
    }

    static int cases(PhantomSpec spec, Split s) {
        switch (s) {
            case TRAIN: return spec.trainCases();
            case VALIDATION: return spec.validCases();
            default: return spec.testCases();
        }
    }

    private static JsonObject write(PhantomSpec spec, Path dir, LabelSet labels) throws IOException {
        Map<Split, List<CasePlan>> plans = plan(spec);
        List<CasePlan> nifti = plans.get(Split.TEST).subList(0, Math.min(spec.niftiCases(),
                plans.get(Split.TEST).size()));
        Set<CasePlan> niftiSet = new HashSet<>(nifti);
        int images = writeImages(spec, dir, plans, niftiSet);
        Map<Split, Integer> cases = new EnumMap<>(Split.class);
        Map<Split, int[]> counts = new EnumMap<>(Split.class);
        for (Split s : Split.values()) {
            List<CasePlan> ps = plans.get(s);
            DurableFiles.write(dir.resolve(PhantomDescription.caseFileName(s)), CaseJson.write(ps, ImagePlan::dataPath));
            cases.put(s, ps.size());
            counts.put(s, classCounts(ps, labels));
        }
        DurableFiles.write(dir.resolve(PhantomDescription.NIFTI_CASES), CaseJson.write(nifti, ImagePlan::niftiPath));
        Map<String, Integer> dict = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            dict.put(labels.label(i), i);
        }
        DurableFiles.write(dir.resolve(PhantomDescription.LABEL_DICT),
                (CaseJson.GSON.toJson(dict) + "\n").getBytes(StandardCharsets.UTF_8));
        JsonObject manifest = Manifest.build(spec, labels, cases, counts, images, DatasetFiles.inventory(dir));
        DurableFiles.write(dir.resolve(PhantomDescription.MANIFEST),
                (CaseJson.GSON.toJson(manifest) + "\n").getBytes(StandardCharsets.UTF_8));
        return manifest;
    }

    private static int[] classCounts(List<CasePlan> plans, LabelSet labels) {
        int[] c = new int[labels.size()];
        for (CasePlan p : plans) {
            for (String l : p.labels) {
                c[labels.indexOf(l).getAsInt()]++;
            }
        }
        return c;
    }

    private static int writeImages(PhantomSpec spec, Path dir, Map<Split, List<CasePlan>> plans,
            Set<CasePlan> nifti) throws IOException {
        Files.createDirectories(dir.resolve("data"));
        Files.createDirectories(dir.resolve("key"));
        Files.createDirectories(dir.resolve("nifti"));
        int threads = spec.threads() > 0 ? spec.threads() : Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "phantom-generator");
            t.setDaemon(true);
            return t;
        });
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (List<CasePlan> ps : plans.values()) {
                for (CasePlan c : ps) {
                    futures.add(pool.submit(() -> {
                        writeCase(spec, dir, c, nifti.contains(c));
                        return null;
                    }));
                }
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("phantom generation interrupted");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException) {
                throw (IOException) c;
            }
            if (c instanceof UncheckedIOException) {
                throw ((UncheckedIOException) c).getCause();
            }
            throw new IOException("phantom generation failed: " + c, c);
        } finally {
            pool.shutdownNow();
        }
        int n = 0;
        for (List<CasePlan> ps : plans.values()) {
            for (CasePlan c : ps) {
                n += c.samples.stream().mapToInt(s -> s.images.size()).sum();
            }
        }
        return n;
    }

    private static void writeCase(PhantomSpec spec, Path dir, CasePlan c, boolean nifti) throws IOException {
        for (CasePlan.SamplePlan s : c.samples) {
            Scene scene = c.scene(s.modality);
            for (ImagePlan p : s.images) {
                float[] voxels = Renderer.render(scene, p, SplitMix.hash(spec.seed(), 4, p.number()), spec.noise());
                DurableFiles.write(dir.resolve(p.dataPath()), NpyWriter.image(voxels, p.height(), p.width(), p.depth()));
                DurableFiles.write(dir.resolve(p.keyPath()), NpyWriter.key(c.keySlice(p)));
                if (nifti) {
                    double[] spacing = {400.0 / p.width(), 400.0 / p.height(), p.view().projection ? 1 : 400.0 / p.depth()};
                    DurableFiles.write(dir.resolve(p.niftiPath()), NiftiWriter.gzip(voxels, p.width(), p.height(),
                            p.depth(), spacing, "RadDiag phantom " + c.id));
                }
            }
        }
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
