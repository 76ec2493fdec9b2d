package org.raddiag.dataset.phantom.internal;

import java.util.ArrayList;
import java.util.List;
import org.raddiag.api.data.Modality;

/**
 * Turns a case's labels into a case plan: the anatomy (jittered), the findings of its disorders, and 1..3 samples
 * of distinct modalities that include, for every label, a modality showing it; each sample has 1..2 images (CT:
 * axial, coronal; MRI: T1/T2 axial or coronal; X-ray: frontal, lateral).
 */
final class CasePlanner {
    private static final Modality[] MODALITIES = {Modality.CT, Modality.MRI, Modality.XRAY};
    private static final double[] MODALITY_WEIGHTS = {0.45, 0.3, 0.25};
    private static final double[] SAMPLE_COUNT_WEIGHTS = {0.4, 0.4, 0.2};

    private final PhantomSpec spec;
    private int nextImage = 1;

    CasePlanner(PhantomSpec spec) {
        this.spec = spec;
    }

    /** Images planned so far. */
    int imageCount() {
        return nextImage - 1;
    }

    CasePlan plan(String id, List<Integer> ranks, long caseNumber) {
        SplitMix r = SplitMix.derive(spec.seed(), 1, caseNumber);
        List<Disorder> disorders = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int rank : ranks) {
            Disorder d = Catalogue.DISORDERS.get(rank - 1);
            disorders.add(d);
            labels.add(d.name);
        }
        if (labels.isEmpty()) {
            labels.add(Catalogue.NORMAL);
        }
        Anatomy anatomy = new Anatomy(r);
        for (Disorder d : disorders) {
            d.alter(anatomy, r);
        }
        List<Finding> findings = new ArrayList<>();
        for (Disorder d : disorders) {
            findings.add(d.find(anatomy, r, spec.lesionScale()));
        }
        List<Modality> modalities = modalities(disorders, r);
        List<CasePlan.SamplePlan> samples = new ArrayList<>();
        for (Modality m : modalities) {
            samples.add(new CasePlan.SamplePlan(m, images(m, r)));
        }
        return new CasePlan(id, labels, samples, anatomy, findings, SplitMix.hash(spec.seed(), 5, caseNumber));
    }

    private List<Modality> modalities(List<Disorder> disorders, SplitMix r) {
        List<Modality> chosen = new ArrayList<>();
        for (Disorder d : disorders) {
            if (chosen.stream().noneMatch(d::visibleIn)) {
                chosen.add(draw(r, d, chosen));
            }
        }
        int target = Math.max(chosen.size(), 1 + r.pick(SAMPLE_COUNT_WEIGHTS));
        while (chosen.size() < target) {
            chosen.add(draw(r, null, chosen));
        }
        for (int i = chosen.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            Modality t = chosen.get(i);
            chosen.set(i, chosen.get(j));
            chosen.set(j, t);
        }
        return chosen;
    }

    /** A modality not yet chosen (and showing {@code d} when given), drawn by weight. */
    private static Modality draw(SplitMix r, Disorder d, List<Modality> chosen) {
        double[] w = new double[MODALITIES.length];
        for (int i = 0; i < w.length; i++) {
            boolean ok = !chosen.contains(MODALITIES[i]) && (d == null || d.visibleIn(MODALITIES[i]));
            w[i] = ok ? MODALITY_WEIGHTS[i] : 0;
        }
        return MODALITIES[r.pick(w)];
    }

    private List<ImagePlan> images(Modality m, SplitMix r) {
        boolean two = r.chance(0.35);
        List<ImagePlan> out = new ArrayList<>();
        int s = spec.size();
        switch (m) {
            case CT:
                out.add(volume(m, View.AXIAL, Contrast.CT, r));
                if (two) {
                    out.add(volume(m, View.CORONAL, Contrast.CT, r));
                }
                break;
            case MRI: {
                Contrast c = r.chance(0.5) ? Contrast.T1 : Contrast.T2;
                out.add(volume(m, View.AXIAL, c, r));
                if (two) {
                    boolean coronal = r.chance(0.5);
                    out.add(volume(m, coronal ? View.CORONAL : View.AXIAL,
                            coronal ? c : (c == Contrast.T1 ? Contrast.T2 : Contrast.T1), r));
                }
                break;
            }
            default:
                out.add(new ImagePlan(nextImage++, m, View.FRONTAL, Contrast.XRAY, s, s, 3));
                if (two) {
                    out.add(new ImagePlan(nextImage++, m, View.LATERAL, Contrast.XRAY, s, s, 3));
                }
        }
        return out;
    }

    private ImagePlan volume(Modality m, View v, Contrast c, SplitMix r) {
        int depth = r.between(spec.minSlices(), spec.maxSlices());
        return new ImagePlan(nextImage++, m, v, c, spec.size(), spec.size(), depth);
    }
}
