package org.raddiag.dataset.phantom.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.raddiag.api.data.Modality;

/**
 * One disorder of the catalogue: its label name, the modalities that show it, how it changes the organs (e.g.
 * enlargement) and which lesion shapes it adds. Both steps draw their variability from the case's generator.
 */
final class Disorder {
    /** Changes organ parts before they are painted. */
    interface Alteration {
        void apply(Anatomy a, SplitMix r);
    }

    /** Adds lesion shapes to {@code out} and returns the lesion centre. */
    interface Lesion {
        double[] build(Anatomy a, SplitMix r, List<Ellipsoid> out);
    }

    final String name;
    final Set<Modality> modalities;
    private final Alteration alteration;
    private final Lesion lesion;

    Disorder(String name, Set<Modality> modalities, Alteration alteration, Lesion lesion) {
        this.name = name;
        this.modalities = EnumSet.copyOf(modalities);
        this.alteration = alteration;
        this.lesion = lesion;
    }

    boolean visibleIn(Modality m) {
        return modalities.contains(m);
    }

    void alter(Anatomy a, SplitMix r) {
        if (alteration != null) {
            alteration.apply(a, r);
        }
    }

    Finding find(Anatomy a, SplitMix r, double scale) {
        List<Ellipsoid> shapes = new ArrayList<>();
        double[] centre = lesion.build(a, r, shapes);
        if (scale != 1) {
            shapes.replaceAll(e -> e.scaledAbout(centre, scale));
        }
        return new Finding(this, shapes, centre);
    }

    @Override
    public String toString() {
        return name;
    }
}
