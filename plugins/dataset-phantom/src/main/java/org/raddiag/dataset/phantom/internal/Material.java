package org.raddiag.dataset.phantom.internal;

/**
 * Tissue types of the phantom with their appearance: CT value (HU, portal-venous contrast phase), MRI T1- and
 * T2-weighted signal (arbitrary units, 0..1000) and the amplitude (HU; halved for MRI) and spatial frequency of
 * their texture.
 */
enum Material {
    AIR(-1000, 0, 0, 0, 0),
    LUNG(-840, 15, 20, 70, 7),
    FAT(-100, 850, 650, 10, 6),
    MUSCLE(50, 320, 230, 8, 6),
    LIVER(100, 480, 200, 8, 5),
    SPLEEN(110, 330, 420, 8, 5),
    KIDNEY(160, 380, 480, 10, 6),
    BLOOD(170, 120, 330, 5, 4),
    FLUID(5, 200, 950, 4, 4),
    CORTEX(950, 50, 50, 40, 9),
    MARROW(320, 620, 450, 40, 9),
    CALCIUM(1300, 20, 20, 30, 8),
    NODULE(55, 320, 520, 10, 8),
    TUMOUR(85, 260, 650, 45, 10),
    HCC(40, 280, 640, 35, 9),
    METASTASIS(20, 170, 760, 8, 8),
    RIM(180, 420, 560, 10, 8),
    GROUND_GLASS(-520, 110, 160, 120, 12),
    THROMBUS(60, 680, 140, 10, 6),
    ADENOMA(-5, 620, 300, 6, 6),
    EDEMA(340, 300, 820, 40, 9),
    SCLEROTIC(1350, 30, 30, 40, 9),
    HAEMANGIOMA(120, 760, 820, 260, 14);

    final float hu;
    final float t1;
    final float t2;
    final float texture;
    final float frequency;

    Material(float hu, float t1, float t2, float texture, float frequency) {
        this.hu = hu;
        this.t1 = t1;
        this.t2 = t2;
        this.texture = texture;
        this.frequency = frequency;
    }

    /** X-ray linear attenuation relative to water. */
    float attenuation() {
        return Math.max(0f, (hu + 1000f) / 1000f);
    }
}
