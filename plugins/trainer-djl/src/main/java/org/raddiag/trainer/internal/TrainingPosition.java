package org.raddiag.trainer.internal;

import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Where a run stands, stored with each checkpoint: the epoch and the next step within it, the global step, the
 * optimiser's step count, the case order of the current epoch, the best validation loss so far and the length of
 * {@code metrics.jsonl} at checkpoint time (lines after it are dropped on resume). The schedule position is the
 * global step; the remaining randomness derives from {@code (seed, epoch, step)}.
 */
public record TrainingPosition(int epoch, int stepInEpoch, long globalStep, long optimizerSteps, int[] order,
        double bestLoss, int bestEpoch, long metricsBytes, long seed, Map<String, String> settings) {

    public Properties toProperties() {
        Properties p = new Properties();
        p.setProperty("epoch", Integer.toString(epoch));
        p.setProperty("stepInEpoch", Integer.toString(stepInEpoch));
        p.setProperty("globalStep", Long.toString(globalStep));
        p.setProperty("optimizerSteps", Long.toString(optimizerSteps));
        p.setProperty("order", joined(order));
        p.setProperty("bestLoss", Double.toString(bestLoss));
        p.setProperty("bestEpoch", Integer.toString(bestEpoch));
        p.setProperty("metricsBytes", Long.toString(metricsBytes));
        p.setProperty("seed", Long.toString(seed));
        settings.forEach((k, v) -> p.setProperty("setting." + k, v));
        p.setProperty("complete", "true");
        return p;
    }

    public static TrainingPosition fromProperties(Properties p) {
        if (!"true".equals(p.getProperty("complete"))) {
            throw new IllegalArgumentException("checkpoint state is not marked complete");
        }
        Map<String, String> settings = new TreeMap<>();
        for (String k : p.stringPropertyNames()) {
            if (k.startsWith("setting.")) {
                settings.put(k.substring(8), p.getProperty(k));
            }
        }
        String o = p.getProperty("order", "");
        int[] order = o.isEmpty() ? new int[0] : Arrays.stream(o.split(",")).mapToInt(Integer::parseInt).toArray();
        return new TrainingPosition(Integer.parseInt(p.getProperty("epoch")),
                Integer.parseInt(p.getProperty("stepInEpoch")), Long.parseLong(p.getProperty("globalStep")),
                Long.parseLong(p.getProperty("optimizerSteps")), order, Double.parseDouble(p.getProperty("bestLoss")),
                Integer.parseInt(p.getProperty("bestEpoch")), Long.parseLong(p.getProperty("metricsBytes")),
                Long.parseLong(p.getProperty("seed")), settings);
    }

    private static String joined(int[] a) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < a.length; i++) {
            sb.append(i == 0 ? "" : ",").append(a[i]);
        }
        return sb.toString();
    }
}
