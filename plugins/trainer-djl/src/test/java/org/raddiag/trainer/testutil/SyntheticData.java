package org.raddiag.trainer.testutil;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.raddiag.api.data.Case;
import org.raddiag.api.data.FloatTensor;
import org.raddiag.api.data.LabelSet;
import org.raddiag.api.model.ModelInput;
import org.raddiag.api.train.DatasetSource;

/**
 * A tiny in-memory dataset whose cases carry no scans: the tensorizer maps the case id to a precomputed input of
 * S slots of D x H x W with a bright square per positive label, so the labels are learnable.
 */
public final class SyntheticData implements DatasetSource {
    public static final int SLOTS = 2;
    public static final int SIZE = 32;
    public static final int DEPTH = 4;

    private final LabelSet labels;
    private final Map<String, Case> cases = new HashMap<>();
    private final Map<String, ModelInput> inputs = new HashMap<>();
    private final List<String> train = new ArrayList<>();
    private final List<String> val = new ArrayList<>();

    public SyntheticData(int classes, int trainCases, int valCases, long seed) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < classes; i++) {
            names.add("label" + i);
        }
        labels = new LabelSet("synthetic", names, Math.min(2, classes), 0);
        Random r = new Random(seed);
        for (int i = 0; i < trainCases + valCases; i++) {
            String id = (i < trainCases ? "train" : "val") + i;
            List<String> ls = new ArrayList<>();
            int k = i % classes;
            ls.add(names.get(k));
            if (i % 3 == 0) {
                ls.add(names.get((k + 2) % classes));
            }
            cases.put(id, new Case(id, List.of(), ls));
            inputs.put(id, input(ls, names, r, i % 2 == 0));
            (i < trainCases ? train : val).add(id);
        }
    }

    private static ModelInput input(List<String> ls, List<String> names, Random r, boolean twoScans) {
        float[] img = new float[SLOTS * SIZE * SIZE * DEPTH];
        long[] mods = {1, twoScans ? 7 : 0};
        long[] marks = new long[SLOTS * DEPTH];
        long[] keys = {1, twoScans ? 0 : -1};
        int used = twoScans ? 2 : 1;
        for (int s = 0; s < used; s++) {
            int valid = s == 0 ? DEPTH : 1;
            for (int d = 0; d < valid; d++) {
                marks[s * DEPTH + d] = 1;
            }
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    for (int d = 0; d < valid; d++) {
                        float v = 0.1f * r.nextFloat();
                        for (String l : ls) {
                            int c = names.indexOf(l);
                            int cy = 4 + (c * 7) % 24;
                            int cx = 4 + (c * 11) % 24;
                            if (Math.abs(y - cy) < 4 && Math.abs(x - cx) < 4) {
                                v += 0.8f;
                            }
                        }
                        img[((s * SIZE + y) * SIZE + x) * DEPTH + d] = Math.min(1f, v);
                    }
                }
            }
        }
        return new ModelInput(new FloatTensor(img, 1, SLOTS, 1, SIZE, SIZE, DEPTH), mods, marks, keys);
    }

    /** The tensorizer: case to its precomputed input. */
    public Function<Case, ModelInput> tensorizer() {
        return c -> inputs.get(c.id());
    }

    /** Architecture and optimisation settings of the tiny test network. */
    public static Map<String, String> tinySettings() {
        Map<String, String> s = new HashMap<>();
        s.put("backbone", "resnet18");
        s.put("hidden", "32");
        s.put("image_size", Integer.toString(SIZE));
        s.put("depth", Integer.toString(DEPTH));
        s.put("slots", Integer.toString(SLOTS));
        s.put("batchSize", "2");
        s.put("lr", "1e-3");
        s.put("warmupSteps", "2");
        s.put("epochs", "10");
        s.put("seed", "7");
        return s;
    }

    @Override
    public String name() {
        return "synthetic";
    }

    @Override
    public LabelSet labels() {
        return labels;
    }

    @Override
    public List<String> caseIds(Split split) {
        return split == Split.TRAIN ? train : split == Split.VALIDATION ? val : List.of();
    }

    @Override
    public Case load(String caseId) {
        Case c = cases.get(caseId);
        if (c == null) {
            throw new IllegalArgumentException(caseId);
        }
        return c;
    }
}
