package org.raddiag.trainer.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.raddiag.api.model.ArchitectureConfig;

/**
 * Settings of a training run, parsed from string key/values (the {@code train} command's options, a
 * {@code Trainer.train} settings map). Unknown keys are rejected, except plugin architecture settings (keys with a dot,
 * e.g. {@code vit.dim}), which go into the architecture. Defaults are the reference's (A.3): AdamW lr 1e-5,
 * weight decay 0, betas (0.9, 0.999), eps 1e-8, 5 % linear warm-up then cosine, clipping at global norm 1.0,
 * batch 1, 100 epochs, seed 42, and the reference architecture (ResNet-50, 256 px, 32 slices, 4 slots, hidden 2048,
 * early fusion) with as many classes as the dataset has labels.
 *
 * <table>
 * <caption>Keys</caption>
 * <tr><td>{@code epochs}</td><td>passes over the training split (100)</td></tr>
 * <tr><td>{@code batchSize}</td><td>cases per step; the last partial batch of an epoch is dropped (1)</td></tr>
 * <tr><td>{@code lr}, {@code weightDecay}, {@code beta1}, {@code beta2}, {@code eps}</td><td>AdamW (1e-5, 0, 0.9,
 * 0.999, 1e-8)</td></tr>
 * <tr><td>{@code warmupSteps}</td><td>linear warm-up steps; unset: {@code ceil(warmupRatio x total steps)}</td></tr>
 * <tr><td>{@code warmupRatio}</td><td>0.05</td></tr>
 * <tr><td>{@code clipNorm}</td><td>global gradient-norm bound, 0 = off (1.0)</td></tr>
 * <tr><td>{@code checkpointEvery}</td><td>also checkpoint every N steps; 0 = only at epoch ends (0)</td></tr>
 * <tr><td>{@code seed}</td><td>initialisation, case order, augmentation and mixing (42)</td></tr>
 * <tr><td>{@code augment}, {@code augmentP}</td><td>image augmentation and its per-transform probability (false,
 * 0.15)</td></tr>
 * <tr><td>{@code mix}, {@code mixP}</td><td>case mixing (2 x slots in training) and the probability of adding a
 * second case (false, 0.3)</td></tr>
 * <tr><td>{@code klWeight}</td><td>weight of the key-slice KL loss (0.001)</td></tr>
 * <tr><td>{@code init}</td><td>safetensors weights to start from (fine-tuning); a head of another class count is
 * re-initialised</td></tr>
 * <tr><td>{@code freezeBackbone}</td><td>no gradient to {@code resnet2D.*} (false)</td></tr>
 * <tr><td>{@code maxSteps}</td><td>stop after this many steps in total, e.g. for benchmarks; 0 = no limit</td></tr>
 * <tr><td>{@code validate}</td><td>validation loss after each epoch (true)</td></tr>
 * <tr><td>{@code recompute}</td><td>activation checkpointing of the trunk's stem and first residual units: how
 * many units (0-64, a backbone stops at its own count; {@code true} = 5, {@code false} = 0), or {@code auto}: 5 for
 * steps of at least 2^21 slice pixels (batch x slots x depth x size^2: a full-size step of one scan or more), where
 * memory is short, else 0 (auto)</td></tr>
 * <tr><td>{@code backbone}, {@code image_size}, {@code depth}, {@code slots}, {@code hidden}, {@code classes},
 * {@code fusion}</td><td>architecture ({@link ArchitectureConfig} keys)</td></tr>
 * </table>
 */
public final class TrainingSpec {
    public static final String EPOCHS = "epochs";
    public static final String BATCH_SIZE = "batchSize";
    public static final String LR = "lr";
    public static final String WEIGHT_DECAY = "weightDecay";
    public static final String BETA1 = "beta1";
    public static final String BETA2 = "beta2";
    public static final String EPS = "eps";
    public static final String WARMUP_STEPS = "warmupSteps";
    public static final String WARMUP_RATIO = "warmupRatio";
    public static final String CLIP_NORM = "clipNorm";
    public static final String CHECKPOINT_EVERY = "checkpointEvery";
    public static final String SEED = "seed";
    public static final String AUGMENT = "augment";
    public static final String AUGMENT_P = "augmentP";
    public static final String MIX = "mix";
    public static final String MIX_P = "mixP";
    public static final String KL_WEIGHT = "klWeight";
    public static final String INIT = "init";
    public static final String FREEZE_BACKBONE = "freezeBackbone";
    public static final String MAX_STEPS = "maxSteps";
    public static final String VALIDATE = "validate";
    public static final String RECOMPUTE = "recompute";
    /**
     * Slice pixels per step from which {@code recompute=auto} checkpoints the trunk's first {@link #RECOMPUTE_ON}
     * units: the full-size steps (2.1 M pixels a scan) do, the demo's (0.5 M, under 1 GB) does not.
     */
    static final long RECOMPUTE_AUTO_PIXELS = 1L << 21;
    /**
     * The units {@code recompute=true} and {@code auto} checkpoint: ResNet-50's first stage and two units of its
     * second hold most of its activations for a fifth of its forward (1 scan at the full size: peak RSS 6.0 -> 4.3 GB
     * for about 10 % of the step); deeper units save less for the same time each.
     */
    static final int RECOMPUTE_ON = 5;
    private static final int RECOMPUTE_MAX = 64;

    private static final Map<String, String> DEFAULTS = defaults();
    private static final Set<String> ARCH_KEYS = Set.of(ArchitectureConfig.BACKBONE, ArchitectureConfig.IMAGE_SIZE,
            ArchitectureConfig.DEPTH, ArchitectureConfig.SLOTS, ArchitectureConfig.HIDDEN, ArchitectureConfig.CLASSES,
            ArchitectureConfig.FUSION, ArchitectureConfig.HEAD, ArchitectureConfig.CT_WINDOW);

    private final SettingValues values;

    private TrainingSpec(Map<String, String> values) {
        this.values = new SettingValues(values);
    }

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put(EPOCHS, "100");
        d.put(BATCH_SIZE, "1");
        d.put(LR, "1e-5");
        d.put(WEIGHT_DECAY, "0");
        d.put(BETA1, "0.9");
        d.put(BETA2, "0.999");
        d.put(EPS, "1e-8");
        d.put(WARMUP_STEPS, "");
        d.put(WARMUP_RATIO, "0.05");
        d.put(CLIP_NORM, "1.0");
        d.put(CHECKPOINT_EVERY, "0");
        d.put(SEED, "42");
        d.put(AUGMENT, "false");
        d.put(AUGMENT_P, "0.15");
        d.put(MIX, "false");
        d.put(MIX_P, "0.3");
        d.put(KL_WEIGHT, "0.001");
        d.put(INIT, "");
        d.put(FREEZE_BACKBONE, "false");
        d.put(MAX_STEPS, "0");
        d.put(VALIDATE, "true");
        d.put(RECOMPUTE, "auto");
        ArchitectureConfig.referenceDefault().asMap().forEach(d::put);
        d.put(ArchitectureConfig.CLASSES, "");
        d.put(ArchitectureConfig.CT_WINDOW, "");
        return d;
    }

    /** The defaults overridden by {@code settings}; unknown keys fail. */
    public static TrainingSpec of(Map<String, String> settings) {
        Set<String> unknown = new TreeSet<>(settings.keySet());
        unknown.removeAll(DEFAULTS.keySet());
        unknown.removeIf(TrainingSpec::isPluginSetting);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown training settings " + unknown + "; known: "
                    + new TreeSet<>(DEFAULTS.keySet()));
        }
        Map<String, String> v = new TreeMap<>(DEFAULTS);
        settings.forEach((k, val) -> v.put(k, val == null ? "" : val.trim()));
        TrainingSpec s = new TrainingSpec(v);
        s.validate();
        return s;
    }

    private void validate() {
        values.positive(EPOCHS);
        values.positive(BATCH_SIZE);
        if (lr() <= 0 || weightDecay() < 0 || clipNorm() < 0 || checkpointEvery() < 0 || maxSteps() < 0) {
            throw new IllegalArgumentException("lr must be > 0; weightDecay, clipNorm, checkpointEvery, maxSteps >= 0");
        }
        values.prob(AUGMENT_P);
        values.prob(MIX_P);
        values.prob(WARMUP_RATIO);
        values.bool(AUGMENT);
        values.bool(MIX);
        values.bool(FREEZE_BACKBONE);
        values.bool(VALIDATE);
        explicitRecompute();
        seed();
    }

    public int epochs() {
        return values.integer(EPOCHS);
    }

    public int batchSize() {
        return values.integer(BATCH_SIZE);
    }

    public double lr() {
        return values.number(LR);
    }

    public double weightDecay() {
        return values.number(WEIGHT_DECAY);
    }

    public double beta1() {
        return values.number(BETA1);
    }

    public double beta2() {
        return values.number(BETA2);
    }

    public double eps() {
        return values.number(EPS);
    }

    /** Warm-up steps for a run of {@code totalSteps}: the explicit value, else {@code ceil(ratio x total)}. */
    public int warmupSteps(long totalSteps) {
        return values.raw(WARMUP_STEPS).isEmpty() ? (int) Math.ceil(values.number(WARMUP_RATIO) * totalSteps)
                : values.integer(WARMUP_STEPS);
    }

    public double clipNorm() {
        return values.number(CLIP_NORM);
    }

    public int checkpointEvery() {
        return values.integer(CHECKPOINT_EVERY);
    }

    public long seed() {
        try {
            return Long.parseLong(values.raw(SEED));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("seed is not an integer: '" + values.raw(SEED) + "'", e);
        }
    }

    public boolean augment() {
        return values.bool(AUGMENT);
    }

    public double augmentP() {
        return values.number(AUGMENT_P);
    }

    public boolean mix() {
        return values.bool(MIX);
    }

    public double mixP() {
        return values.number(MIX_P);
    }

    public double klWeight() {
        return values.number(KL_WEIGHT);
    }

    /** Path of the initial weights, or empty. */
    public String init() {
        return values.raw(INIT);
    }

    public boolean freezeBackbone() {
        return values.bool(FREEZE_BACKBONE);
    }

    public long maxSteps() {
        return values.integer(MAX_STEPS);
    }

    public boolean validateEachEpoch() {
        return values.bool(VALIDATE);
    }

    /** Slice pixels a training step encodes: batch x slots x depth x image size squared. */
    long stepPixels() {
        long size = values.integer(ArchitectureConfig.IMAGE_SIZE);
        return (long) values.integer(BATCH_SIZE) * values.integer(ArchitectureConfig.SLOTS)
                * values.integer(ArchitectureConfig.DEPTH) * size * size;
    }

    /** How many leading trunk units training steps checkpoint ({@code recompute}; auto by the step's size). */
    public int recomputeUnits() {
        return explicitRecompute().orElseGet(() -> stepPixels() >= RECOMPUTE_AUTO_PIXELS ? RECOMPUTE_ON : 0);
    }

    /** The unit count {@code recompute} names; empty for {@code auto}. */
    private OptionalInt explicitRecompute() {
        String raw = values.raw(RECOMPUTE);
        switch (raw) {
            case "auto": return OptionalInt.empty();
            case "true": return OptionalInt.of(RECOMPUTE_ON);
            case "false": return OptionalInt.of(0);
            default:
                int units = raw.matches("[0-9]{1,2}") ? Integer.parseInt(raw) : -1;
                if (units >= 0 && units <= RECOMPUTE_MAX) {
                    return OptionalInt.of(units);
                }
                throw new IllegalArgumentException(RECOMPUTE + " must be auto, true, false or a unit count 0-"
                        + RECOMPUTE_MAX + ", got '" + raw + "'");
        }
    }

    /**
     * A plugin's own architecture setting, namespaced with a dot ({@code vit.dim}, {@code head.embeddings}): passed
     * to the architecture as it is, for the backbone or head plugin to check.
     */
    private static boolean isPluginSetting(String key) {
        return key.indexOf('.') > 0;
    }

    /** The architecture (plugin settings such as {@code vit.dim} included); {@code classes} defaults to {@code labelCount}. */
    public ArchitectureConfig architecture(int labelCount) {
        Map<String, String> a = new TreeMap<>();
        for (String k : ARCH_KEYS) {
            if (!k.equals(ArchitectureConfig.CT_WINDOW) || !values.raw(k).isEmpty()) {
                a.put(k, values.raw(k));
            }
        }
        values.map().forEach((k, v) -> {
            if (isPluginSetting(k)) {
                a.put(k, v);
            }
        });
        if (a.get(ArchitectureConfig.CLASSES).isEmpty()) {
            a.put(ArchitectureConfig.CLASSES, Integer.toString(labelCount));
        }
        return new ArchitectureConfig(a);
    }

    /** Every setting, defaults included (stored with checkpoints). */
    public Map<String, String> asMap() {
        return values.map();
    }

    /** A copy with {@code key} set. */
    public TrainingSpec with(String key, String value) {
        Map<String, String> m = new TreeMap<>(values.map());
        m.put(key, value);
        return of(m);
    }

    @Override
    public String toString() {
        return values.map().toString();
    }
}
