package org.raddiag.dataset.phantom.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code lesionScale} grows every lesion about its centre and changes nothing else. */
class LesionScaleTest {
    @Test
    void lesionsGrowAboutTheirCentreAndTheAnatomyStays() {
        PhantomSpec plain = PhantomSpec.builder().size(32).build();
        PhantomSpec big = plain.toBuilder().lesionScale(2).build();
        for (int rank = 1; rank <= Catalogue.DISORDERS.size(); rank++) {
            CasePlan a = new CasePlanner(plain).plan("a", List.of(rank), rank);
            CasePlan b = new CasePlanner(big).plan("a", List.of(rank), rank);
            Finding fa = a.findings.get(0);
            Finding fb = b.findings.get(0);
            assertArrayEquals(fa.centre, fb.centre, 0, "key of " + fa.disorder);
            assertEquals(a.labels, b.labels);
            assertEquals(fa.shapes.size(), fb.shapes.size());
            for (int i = 0; i < fa.shapes.size(); i++) {
                Ellipsoid ea = fa.shapes.get(i);
                Ellipsoid eb = fb.shapes.get(i);
                for (int axis = 0; axis < 3; axis++) {
                    assertEquals(2 * ea.radii[axis], eb.radii[axis], 1e-12, fa.disorder + " radius");
                    assertEquals(2 * (ea.centre[axis] - fa.centre[axis]), eb.centre[axis] - fb.centre[axis], 1e-12,
                            fa.disorder + " offset");
                }
                assertEquals(ea.material, eb.material);
            }
        }
    }

    @Test
    void scaleOneKeepsTheSettingsOfEarlierDatasetsAndOtherScalesAreRecorded() {
        PhantomSpec plain = PhantomSpec.builder().build();
        assertFalse(plain.settings().containsKey("lesionScale"));
        assertEquals(plain, plain.toBuilder().lesionScale(1).build());
        PhantomSpec big = plain.toBuilder().lesionScale(2.5).build();
        assertEquals(2.5, big.settings().get("lesionScale"));
        assertTrue(!big.equals(plain));
        assertThrows(IllegalArgumentException.class, () -> plain.toBuilder().lesionScale(0).build());
        assertThrows(IllegalArgumentException.class, () -> plain.toBuilder().lesionScale(Double.NaN).build());
    }
}
