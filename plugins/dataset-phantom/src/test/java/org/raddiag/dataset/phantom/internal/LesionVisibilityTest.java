package org.raddiag.dataset.phantom.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.raddiag.api.data.Modality;

/**
 * Each disorder changes the image around its key slice by a clear intensity difference, and leaves slices far
 * from the key and cases without findings unchanged. Compares noise-free renderings of one case with and without
 * the finding's shapes.
 */
class LesionVisibilityTest {
    private static final PhantomSpec SPEC = PhantomSpec.builder().size(64).slices(16, 16).build();

    /** Voxels per slice that differ by more than 40 (HU or MRI units) with and without the findings. */
    private static double[] sliceDifference(CasePlan p, ImagePlan image, List<Ellipsoid> without) {
        Scene with = p.scene(image.modality());
        Scene bare = new Scene(without, with.texture);
        float[] a = Renderer.render(with, image, 1, 0);
        float[] b = Renderer.render(bare, image, 1, 0);
        int n = image.width() * image.height();
        double[] d = new double[image.depth()];
        for (int k = 0; k < image.depth(); k++) {
            for (int i = 0; i < n; i++) {
                if (Math.abs(a[k * n + i] - b[k * n + i]) > 40) {
                    d[k]++;
                }
            }
        }
        return d;
    }

    @Test
    void everyLesionShowsAroundItsKeySliceOnly() {
        CasePlanner planner = new CasePlanner(SPEC);
        for (int rank = 1; rank <= Catalogue.DISORDERS.size(); rank++) {
            Disorder disorder = Catalogue.DISORDERS.get(rank - 1);
            for (int trial = 0; trial < 3; trial++) {
                CasePlan p = planner.plan("t", List.of(rank), 1000L * rank + trial);
                Finding f = p.findings.get(0);
                if (f.shapes.isEmpty()) {
                    continue; // enlargement: covered by the anatomy comparison below
                }
                for (Modality m : disorder.modalities) {
                    if (m == Modality.XRAY) {
                        continue;
                    }
                    Contrast c = m == Modality.CT ? Contrast.CT : (trial % 2 == 0 ? Contrast.T1 : Contrast.T2);
                    ImagePlan image = new ImagePlan(1, m, View.AXIAL, c, 64, 64, 16);
                    double[] d = sliceDifference(p, image, p.anatomy.shapes());
                    int key = p.keySlice(image);
                    double near = 0;
                    for (int k = Math.max(0, key - 1); k <= Math.min(15, key + 1); k++) {
                        near = Math.max(near, d[k]);
                    }
                    double far = 0;
                    for (int k = 0; k < 16; k++) {
                        if (Math.abs(k - key) > 4) {
                            far = Math.max(far, d[k]);
                        }
                    }
                    assertTrue(near >= 4, disorder + " in " + c + ": difference " + near + " at key " + key);
                    if (!disorder.name.equals("Miliary tuberculosis") && !disorder.name.equals("Ascites")
                            && !disorder.name.equals("Aortic dissection") && !disorder.name.equals("Liver metastases")) {
                        assertTrue(far == 0, disorder + " in " + c + ": far " + far + " near " + near);
                    }
                }
            }
        }
    }

    @Test
    void enlargementsChangeTheOrganAndNormalCasesHaveNoLesion() {
        CasePlanner planner = new CasePlanner(SPEC);
        CasePlan normal = planner.plan("n", List.of(), 5);
        ImagePlan ct = new ImagePlan(1, Modality.CT, View.AXIAL, Contrast.CT, 64, 64, 16);
        for (Contrast c : List.of(Contrast.CT, Contrast.T1, Contrast.T2)) {
            ImagePlan image = new ImagePlan(1, c == Contrast.CT ? Modality.CT : Modality.MRI, View.AXIAL, c, 64, 64,
                    16);
            for (double v : sliceDifference(normal, image, normal.anatomy.shapes())) {
                assertTrue(v == 0, "a normal case has findings");
            }
        }
        for (String name : List.of("Cardiomegaly", "Splenomegaly", "Hepatomegaly", "Scoliosis")) {
            int rank = 1;
            while (!Catalogue.DISORDERS.get(rank - 1).name.equals(name)) {
                rank++;
            }
            CasePlan ill = planner.plan("i", List.of(rank), 5);
            double diff = 0;
            for (double v : sliceDifference(ill, ct, new ArrayList<>(normal.anatomy.shapes()))) {
                diff += v;
            }
            assertTrue(diff > 100, name + " changes the anatomy by " + diff);
        }
    }
}
