package org.raddiag.dataset.phantom.internal;

/** Image contrast: CT in HU, T1- or T2-weighted MRI, or a radiograph; with its RP3D {@code aux_modality} text. */
enum Contrast {
    CT("portal venous phase"),
    T1("T1"),
    T2("T2"),
    XRAY(null);

    final String aux;

    Contrast(String aux) {
        this.aux = aux;
    }

    float value(Material m) {
        switch (this) {
            case T1: return m.t1;
            case T2: return m.t2;
            default: return m.hu;
        }
    }
}
