package org.raddiag.trainer.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.raddiag.api.data.Case;
import org.raddiag.api.data.LabelSet;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.api.model.ModelInput;
import org.raddiag.api.train.DatasetSource;

/**
 * Loads and encodes cases (checking their input size against the architecture), keeps encoded cases in memory up to
 * a byte budget, and assembles training batches with optional case mixing and augmentation, all randomness drawn
 * from {@link EpochPlan#stepRandom} of the global step.
 */
public final class CaseLoader {
    private static final long STREAM_STEP = 1;
    private final DatasetSource data;
    private final CaseEncoder encoder;
    private final LabelSet labels;
    private final int slots;
    private final int size;
    private final int depth;
    private final long cacheBudget;
    private final Map<String, EncodedCase> cache = new HashMap<>();
    private long cached;

    public CaseLoader(DatasetSource data, CaseEncoder encoder, ArchitectureConfig arch, long cacheBytes) {
        this.data = data;
        this.encoder = encoder;
        this.labels = data.labels();
        this.slots = arch.getInt(ArchitectureConfig.SLOTS);
        this.size = arch.getInt(ArchitectureConfig.IMAGE_SIZE);
        this.depth = arch.getInt(ArchitectureConfig.DEPTH);
        this.cacheBudget = cacheBytes;
    }

    /** One case, encoded. */
    public EncodedCase encoded(String id) throws IOException {
        EncodedCase e = cache.get(id);
        if (e != null) {
            return e;
        }
        Case c = data.load(id);
        ModelInput in = encoder.input(c);
        if (in.cases() != 1 || in.slots() != slots || in.height() != size || in.width() != size
                || in.depth() != depth) {
            throw new IllegalArgumentException("case " + id + " encodes to " + in.images() + ", the architecture needs"
                    + " (1, " + slots + ", 1, " + size + ", " + size + ", " + depth + ")");
        }
        e = new EncodedCase(in, encoder.labels(c, labels));
        long bytes = 4L * in.images().data().length;
        if (cached + bytes <= cacheBudget) {
            cache.put(id, e);
            cached += bytes;
        }
        return e;
    }

    /**
     * The training batch of step {@code stepInEpoch}: cases {@code order[step x b .. step x b + b)} of {@code ids};
     * with mixing every case gets a second one (probability {@code mixP}, uniform among the others) or empty slots;
     * then augmentation.
     */
    public Batch trainBatch(List<String> ids, int[] order, int stepInEpoch, int batchSize, long seed, long globalStep,
            double mixP, boolean mix, ImageAugmenter augmenter) throws IOException {
        SplittableRandom r = EpochPlan.stepRandom(seed, STREAM_STEP, globalStep);
        List<EncodedCase> cases = new ArrayList<>(batchSize);
        for (int i = 0; i < batchSize; i++) {
            int idx = order[stepInEpoch * batchSize + i];
            EncodedCase c = encoded(ids.get(idx));
            if (mix) {
                EncodedCase other = null;
                if (ids.size() > 1 && r.nextDouble() < mixP) {
                    int j = r.nextInt(ids.size() - 1);
                    other = encoded(ids.get(j >= idx ? j + 1 : j));
                }
                c = CaseMixer.mix(c, other);
            }
            cases.add(c);
        }
        Batch b = Batch.of(cases);
        if (augmenter != null) {
            augmenter.apply(b.images(), b.shape(), r);
        }
        return b;
    }

    /** Plain batches of {@code ids} in order (validation), the last one possibly smaller. */
    public List<List<String>> chunks(List<String> ids, int batchSize) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += batchSize) {
            out.add(ids.subList(i, Math.min(ids.size(), i + batchSize)));
        }
        return out;
    }

    public Batch batch(List<String> ids) throws IOException {
        List<EncodedCase> cases = new ArrayList<>();
        for (String id : ids) {
            cases.add(encoded(id));
        }
        return Batch.of(cases);
    }
}
