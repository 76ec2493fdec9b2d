package org.raddiag.knowledge.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.raddiag.api.text.TextEncoder;
import org.raddiag.checkpoint.SafetensorsFile;
import org.raddiag.checkpoint.StateDict;
import org.raddiag.checkpoint.TensorData;
import org.raddiag.support.files.DurableFiles;

/**
 * One knowledge pre-training run in its folder: {@code run.json} (the settings, checked on resume),
 * {@code base-embeddings.safetensors} (the frozen encoder's embeddings of all disorders, computed once),
 * {@link KnowledgeTraining#CHECKPOINT}, then {@code report.json} (retrieval of the held-out disorders, raw encoder
 * vs trained) and last {@link KnowledgeModel#ADAPTER}, whose presence marks a finished model. Every file is
 * written atomically and durably.
 */
public final class KnowledgeRun {
    static final String RUN = "run.json";
    static final String BASE = "base-embeddings.safetensors";
    static final String REPORT = "report.json";
    static final Gson JSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeSpecialFloatingPointValues()
            .create();

    private KnowledgeRun() {
    }

    /**
     * Trains (or resumes) the model in {@code dir} and returns its report.
     *
     * @throws IllegalStateException when {@code dir} holds a finished model or a run with other settings
     */
    public static Map<String, Object> execute(KnowledgeSpec spec, IcdKnowledge all, TextEncoder base, Path dir,
            KnowledgeTraining.EpochListener listener) throws IOException {
        long t0 = System.nanoTime();
        if (Files.exists(dir.resolve(KnowledgeModel.ADAPTER))) {
            throw new IllegalStateException(dir + " already holds a trained knowledge model; choose another --out");
        }
        IcdKnowledge k = all.sample(spec.disorders(), spec.seed());
        Map<String, Object> settings = new LinkedHashMap<>(spec.toMap());
        settings.put("disorderCount", k.size());
        DurableFiles.createDirectories(dir);
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (DurableFiles.isTemporary(p.getFileName().toString())) {
                    Files.deleteIfExists(p); // the unfinished write of an interrupted run
                }
            }
        }
        Path run = dir.resolve(RUN);
        String wanted = JSON.toJson(settings);
        if (Files.exists(run)) {
            String had = Files.readString(run, StandardCharsets.UTF_8);
            if (!same(had, wanted)) {
                throw new IllegalStateException(dir + " holds an unfinished run with other settings (" + run
                        + "); resume it with those settings, or choose another --out");
            }
        } else {
            DurableFiles.writeString(run, wanted);
        }
        float[][] embeddings = baseEmbeddings(dir.resolve(BASE), k, base);
        long t1 = System.nanoTime();
        HoldoutSplit split = HoldoutSplit.of(k, spec.holdout(), spec.seed());
        KnowledgeTraining.Trained trained = KnowledgeTraining.run(spec, k, split.train(), embeddings, dir, listener);
        long t2 = System.nanoTime();

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("model", KnowledgeModel.encoderName(dir.getFileName().toString()));
        report.put("folder", dir.toString());
        report.put("baseEncoder", base.name());
        report.put("dimension", base.dimension());
        report.put("disorders", k.size());
        report.put("codes", new HashSet<>(k.codes()).size());
        report.put("trainDisorders", split.train().length);
        report.put("heldOutDisorders", split.heldOut().length);
        report.put("settings", spec.toMap());
        report.put("raw", evaluate(k, split, embeddings)); // a record: its components by name
        report.put("trained", evaluate(k, split, trained.adapter().apply(embeddings)));
        report.put("losses", trained.losses());
        report.put("resumedAtEpoch", trained.resumedAt());
        Map<String, Object> seconds = new LinkedHashMap<>();
        seconds.put("embed", (t1 - t0) / 1e9);
        seconds.put("train", (t2 - t1) / 1e9);
        seconds.put("total", (System.nanoTime() - t0) / 1e9);
        report.put("seconds", seconds);
        report.put("data", "ICD_dict_1218.json and train_icd_level.json of qiaoyu-zheng/RP3D-Diag (MIT)");
        DurableFiles.writeString(dir.resolve(REPORT), JSON.toJson(report));
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(KnowledgeModel.META_BASE, base.name());
        meta.put(KnowledgeModel.META_MAX_TOKENS, String.valueOf(base.maxTokens()));
        meta.put(KnowledgeModel.META_POOLING, base.pooling().key());
        trained.adapter().save(dir.resolve(KnowledgeModel.ADAPTER), meta);
        Files.deleteIfExists(dir.resolve(KnowledgeTraining.CHECKPOINT));
        DurableFiles.forceFolder(dir);
        return report;
    }

    /** Retrieval of the held-out disorders among the training disorders with {@code vectors} (indexed like k). */
    static Retrieval evaluate(IcdKnowledge k, HoldoutSplit split, float[][] vectors) {
        return Retrieval.evaluate(pick(vectors, split.heldOut()), pickCodes(k, split.heldOut()),
                pick(vectors, split.train()), pickCodes(k, split.train()));
    }

    private static float[][] baseEmbeddings(Path cache, IcdKnowledge k, TextEncoder base) throws IOException {
        if (Files.isRegularFile(cache)) {
            StateDict sd = SafetensorsFile.read(cache);
            TensorData t = sd.get("embeddings");
            if (t != null && base.name().equals(sd.metadata().get("encoder")) && t.rank() == 2
                    && t.shape()[0] == k.size() && t.shape()[1] == base.dimension()) {
                float[] flat = t.floats();
                float[][] e = new float[k.size()][base.dimension()];
                for (int i = 0; i < e.length; i++) {
                    System.arraycopy(flat, i * e[i].length, e[i], 0, e[i].length);
                }
                return e;
            }
        }
        float[][] e = base.embed(k.names()).vectors();
        float[] flat = new float[e.length * base.dimension()];
        for (int i = 0; i < e.length; i++) {
            System.arraycopy(e[i], 0, flat, i * e[i].length, e[i].length);
        }
        SafetensorsFile.write(cache, new StateDict().put("embeddings",
                TensorData.ofFloats(flat, e.length, base.dimension())), Map.of("encoder", base.name()));
        return e;
    }

    private static boolean same(String a, String b) {
        try {
            return JSON.fromJson(a, Object.class).equals(JSON.fromJson(b, Object.class));
        } catch (JsonParseException e) {
            return false;
        }
    }

    private static float[][] pick(float[][] v, int[] idx) {
        float[][] out = new float[idx.length][];
        for (int i = 0; i < idx.length; i++) {
            out[i] = v[idx[i]];
        }
        return out;
    }

    private static List<String> pickCodes(IcdKnowledge k, int[] idx) {
        List<String> out = new ArrayList<>(idx.length);
        for (int i : idx) {
            out.add(k.codes().get(i));
        }
        return out;
    }
}
