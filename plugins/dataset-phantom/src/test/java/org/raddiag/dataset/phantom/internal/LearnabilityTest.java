package org.raddiag.dataset.phantom.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.raddiag.api.data.Modality;

/**
 * Sanity check without a neural network: one handcrafted feature per head disorder, the mean intensity of the
 * noisy image over the lesion region (for a negative case: where the lesion would be on its anatomy), with its
 * direction chosen on one half of the cases, separates positives from normals on the other half with AUC > 0.9 in
 * every modality and contrast that shows the disorder.
 */
class LearnabilityTest {
    private static final PhantomSpec SPEC = PhantomSpec.builder().size(32).slices(8, 8).build();
    private static final int CASES = 160;

    @Test
    void headDisordersAreDetectableFromTheirRegionIntensity() {
        CasePlanner planner = new CasePlanner(SPEC);
        StringBuilder report = new StringBuilder();
        double worst = 1;
        for (int rank = 1; rank < SPEC.headCount(); rank++) {
            Disorder disorder = Catalogue.DISORDERS.get(rank - 1);
            for (Contrast c : List.of(Contrast.CT, Contrast.T1, Contrast.T2)) {
                Modality m = c == Contrast.CT ? Modality.CT : Modality.MRI;
                if (!disorder.visibleIn(m)) {
                    continue;
                }
                double[] pos = new double[CASES];
                double[] neg = new double[CASES];
                for (int i = 0; i < CASES; i++) {
                    CasePlan ill = planner.plan("p", List.of(rank), 10_000L * rank + i);
                    CasePlan normal = planner.plan("n", List.of(), 10_000L * rank + i);
                    List<Ellipsoid> region = new ArrayList<>(ill.findings.get(0).shapes);
                    if (region.isEmpty()) {
                        region.add(ill.anatomy.heart.shape(Material.BLOOD, Region.HEART));
                    }
                    ImagePlan image = new ImagePlan(i, m, View.AXIAL, c, 32, 32, 8);
                    pos[i] = regionMean(ill, image, region, 2L * i);
                    neg[i] = regionMean(normal, image, region, 2L * i + 1);
                }
                int half = CASES / 2;
                double direction = Math.signum(mean(pos, 0, half) - mean(neg, 0, half));
                double auc = auc(pos, neg, half, direction);
                report.append(String.format(" %s/%s=%.3f", disorder.name, c, auc));
                worst = Math.min(worst, auc);
            }
        }
        System.out.println("[phantom] head AUC (region intensity):" + report);
        assertTrue(worst > 0.9, "head AUCs:" + report);
    }

    private static double regionMean(CasePlan p, ImagePlan image, List<Ellipsoid> region, long noiseSeed) {
        float[] v = Renderer.render(p.scene(image.modality()), image, noiseSeed, SPEC.noise());
        double sum = 0;
        int n = 0;
        for (int k = 0; k < image.depth(); k++) {
            double z = ImagePlan.coordinate(k, image.depth());
            for (int y = 0; y < image.height(); y++) {
                double wy = ImagePlan.coordinate(y, image.height());
                for (int x = 0; x < image.width(); x++) {
                    double wx = ImagePlan.coordinate(x, image.width());
                    for (Ellipsoid e : region) {
                        if (e.contains(wx, wy, z)) {
                            sum += v[(k * image.height() + y) * image.width() + x];
                            n++;
                            break;
                        }
                    }
                }
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    private static double mean(double[] a, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += a[i];
        }
        return s / (to - from);
    }

    /** AUC on the second half: how often {@code direction * pos} beats {@code direction * neg} (ties half). */
    private static double auc(double[] pos, double[] neg, int from, double direction) {
        double wins = 0;
        double pairs = 0;
        for (int i = from; i < pos.length; i++) {
            for (int j = from; j < neg.length; j++) {
                double a = direction * pos[i];
                double b = direction * neg[j];
                wins += a > b ? 1 : a == b ? 0.5 : 0;
                pairs++;
            }
        }
        return wins / pairs;
    }
}
