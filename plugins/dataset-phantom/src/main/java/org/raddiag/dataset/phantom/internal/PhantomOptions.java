package org.raddiag.dataset.phantom.internal;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A {@link PhantomSpec} from dataset options ({@code train --dataset phantom:DIR --dataset-option key=value}):
 * {@code seed}, {@code cases} (train,valid,test), {@code size}, {@code slices} (min,max), {@code labels}
 * (count,head,medium), {@code maxLabelsPerCase}, {@code prevalence} (top,exponent), {@code noise},
 * {@code lesionScale}, {@code niftiCases}, {@code threads}. Keys not given keep {@link PhantomSpec#defaults()}.
 */
final class PhantomOptions {
    static final Set<String> KEYS = Set.of("seed", "cases", "size", "slices", "labels", "maxLabelsPerCase",
            "prevalence", "noise", "lesionScale", "niftiCases", "threads");

    private PhantomOptions() {
    }

    /** @throws IllegalArgumentException naming the option and what it needs */
    static PhantomSpec spec(Map<String, String> options) {
        PhantomSpec.Builder b = PhantomSpec.defaults().toBuilder();
        for (Map.Entry<String, String> e : options.entrySet()) {
            String k = e.getKey();
            String v = e.getValue().trim();
            switch (k) {
                case "seed" -> b.seed(parseLong(k, v));
                case "cases" -> {
                    int[] c = ints(k, v, 3);
                    b.cases(c[0], c[1], c[2]);
                }
                case "size" -> b.size(ints(k, v, 1)[0]);
                case "slices" -> {
                    int[] s = ints(k, v, 2);
                    b.slices(s[0], s[1]);
                }
                case "labels" -> {
                    int[] l = ints(k, v, 3);
                    b.labels(l[0], l[1], l[2]);
                }
                case "maxLabelsPerCase" -> b.maxLabelsPerCase(ints(k, v, 1)[0]);
                case "prevalence" -> {
                    double[] p = doubles(k, v, 2);
                    b.prevalence(p[0], p[1]);
                }
                case "noise" -> b.noise(doubles(k, v, 1)[0]);
                case "lesionScale" -> b.lesionScale(doubles(k, v, 1)[0]);
                case "niftiCases" -> b.niftiCases(ints(k, v, 1)[0]);
                case "threads" -> b.threads(ints(k, v, 1)[0]);
                default -> throw new IllegalArgumentException("unknown phantom dataset option '" + k + "' (known: "
                        + new TreeSet<>(KEYS) + ")");
            }
        }
        return b.build();
    }

    private static long parseLong(String key, String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("phantom dataset option " + key + " needs an integer, not '" + v + "'");
        }
    }

    private static int[] ints(String key, String v, int n) {
        String[] p = v.split(",");
        if (p.length != n) {
            throw new IllegalArgumentException("phantom dataset option " + key + " needs " + n
                    + " comma-separated integer(s), not '" + v + "'");
        }
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = Math.toIntExact(parseLong(key, p[i].trim()));
        }
        return r;
    }

    private static double[] doubles(String key, String v, int n) {
        String[] p = v.split(",");
        if (p.length != n) {
            throw new IllegalArgumentException("phantom dataset option " + key + " needs " + n
                    + " comma-separated number(s), not '" + v + "'");
        }
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            try {
                r[i] = Double.parseDouble(p[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("phantom dataset option " + key + " needs a number, not '" + p[i]
                        + "'");
            }
        }
        return r;
    }
}
