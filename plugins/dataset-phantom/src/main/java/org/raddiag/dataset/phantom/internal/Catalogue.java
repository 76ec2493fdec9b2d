package org.raddiag.dataset.phantom.internal;

import static org.raddiag.api.data.Modality.CT;
import static org.raddiag.api.data.Modality.MRI;
import static org.raddiag.api.data.Modality.XRAY;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.raddiag.api.data.Modality;

/**
 * The 29 disorders of the phantom in frequency rank order (rank 1 first), each with a distinct appearance: shape,
 * material, organ and the modalities that show it. Label 0 ("Normal") is not a disorder: a case without findings.
 */
final class Catalogue {
    static final String NORMAL = "Normal";

    private static final Set<Modality> ALL = EnumSet.of(CT, MRI, XRAY);
    private static final Set<Modality> CT_MRI = EnumSet.of(CT, MRI);
    private static final Set<Modality> CT_XRAY = EnumSet.of(CT, XRAY);
    private static final Set<Region> LUNG = EnumSet.of(Region.LUNG);
    private static final Set<Region> LIVER = EnumSet.of(Region.LIVER);
    private static final Set<Region> KIDNEY = EnumSet.of(Region.KIDNEY);
    private static final Set<Region> SPINE = EnumSet.of(Region.SPINE);
    private static final Set<Region> SOFT = EnumSet.of(Region.BODY);

    static final List<Disorder> DISORDERS = List.of(
            new Disorder("Pulmonary nodule", ALL, null, (a, r, out) -> {
                double[] c = lung(a, r).pointInside(r, 0.6);
                return ball(out, c, r.uniform(0.065, 0.1), Material.NODULE, LUNG);
            }),
            new Disorder("Pleural effusion", ALL, null, (a, r, out) -> {
                Part l = lung(a, r);
                double[] c = {l.cx, l.cy + 0.75 * l.ry, Part.clampZ(l.cz + 0.45 * l.rz)};
                out.add(new Ellipsoid(c[0], c[1], c[2], l.rx * 1.1, l.ry * r.uniform(0.45, 0.65), l.rz * 0.6,
                        Material.FLUID, null, LUNG));
                return c;
            }),
            new Disorder("Liver metastases", CT_MRI, null, (a, r, out) -> {
                int n = r.between(3, 6);
                double[] first = null;
                for (int i = 0; i < n; i++) {
                    double[] c = a.liver.pointInside(r, 0.7);
                    ball(out, c, r.uniform(0.045, 0.07), Material.METASTASIS, LIVER);
                    first = first == null ? c : first;
                }
                return first;
            }),
            new Disorder("Renal cyst", CT_MRI, null, (a, r, out) -> {
                Part k = kidney(a, r);
                double side = Math.signum(k.cx);
                double[] c = {k.cx + side * k.rx * r.uniform(0.3, 0.7), k.cy + r.uniform(-0.3, 0.3) * k.ry,
                        Part.clampZ(k.cz + r.uniform(-0.5, 0.5) * k.rz)};
                return ball(out, c, r.uniform(0.07, 0.1), Material.FLUID, EnumSet.of(Region.KIDNEY, Region.BODY));
            }),
            new Disorder("Cardiomegaly", ALL, (a, r) -> a.heart.enlarge(r.uniform(1.35, 1.55), 1.15),
                    (a, r, out) -> centre(a.heart)),
            new Disorder("Vertebral fracture", ALL, null, (a, r, out) -> {
                int i = r.between(2, 6);
                double[] c = vertebra(a, i);
                out.add(new Ellipsoid(c[0], c[1], c[2], a.spine.rx * 0.72, a.spine.ry * 0.72, 0.15, Material.EDEMA,
                        null, SPINE));
                if (r.chance(0.5)) {
                    out.add(new Ellipsoid(c[0] + r.uniform(-0.03, 0.03), c[1], c[2], 0.035, a.spine.ry * 1.3, 0.15,
                            Material.MUSCLE, null, SPINE));
                } else {
                    out.add(new Ellipsoid(c[0], c[1], c[2] + r.uniform(-0.04, 0.04), a.spine.rx * 1.3,
                            a.spine.ry * 1.3, 0.045, Material.MUSCLE, null, SPINE));
                }
                return c;
            }),
            new Disorder("Hepatic abscess", CT_MRI, null, (a, r, out) -> {
                double[] c = a.liver.pointInside(r, 0.6);
                double rad = r.uniform(0.09, 0.12);
                ball(out, c, rad, Material.RIM, LIVER);
                return ball(out, c, rad * 0.6, Material.FLUID, LIVER);
            }),
            new Disorder("Urolithiasis", CT_XRAY, null, (a, r, out) -> {
                Part k = kidney(a, r);
                int n = r.between(1, 3);
                double[] first = null;
                for (int i = 0; i < n; i++) {
                    double[] c = k.pointInside(r, 0.5);
                    ball(out, c, r.uniform(0.035, 0.05), Material.CALCIUM, KIDNEY);
                    first = first == null ? c : first;
                }
                return first;
            }),
            new Disorder("Pneumothorax", CT_XRAY, null, (a, r, out) -> {
                Part l = lung(a, r);
                double side = Math.signum(l.cx);
                double[] c = {l.cx + side * l.rx * 0.75, l.cy - l.ry * 0.2, Part.clampZ(l.cz - l.rz * 0.35)};
                out.add(new Ellipsoid(c[0], c[1], c[2], l.rx * r.uniform(0.5, 0.65), l.ry * 0.9, l.rz * 0.6,
                        Material.AIR, null, LUNG));
                return c;
            }),
            new Disorder("Ground-glass opacification", EnumSet.of(CT), null, (a, r, out) -> {
                double[] c = lung(a, r).pointInside(r, 0.5);
                double rad = r.uniform(0.16, 0.24);
                out.add(new Ellipsoid(c[0], c[1], c[2], rad, rad, rad * 1.2, Material.GROUND_GLASS, null, LUNG));
                return c;
            }),
            new Disorder("Hepatic cyst", CT_MRI, null, (a, r, out) -> {
                double[] c = a.liver.pointInside(r, 0.6);
                return ball(out, c, r.uniform(0.06, 0.09), Material.FLUID, LIVER);
            }),
            new Disorder("Abdominal aortic aneurysm", CT_MRI, null, (a, r, out) -> {
                double[] c = {a.aorta.cx, a.aorta.cy, r.uniform(0.5, 0.72)};
                double rad = r.uniform(0.13, 0.17);
                Set<Region> where = EnumSet.of(Region.BODY, Region.AORTA);
                out.add(new Ellipsoid(c[0], c[1], c[2], rad, rad, 0.22, Material.THROMBUS, Region.AORTA, where));
                out.add(new Ellipsoid(c[0] + rad * 0.25, c[1] - rad * 0.2, c[2], rad * 0.62, rad * 0.62, 0.2,
                        Material.BLOOD, null, EnumSet.of(Region.AORTA)));
                return c;
            }),
            new Disorder("Splenomegaly", CT_MRI, (a, r) -> a.spleen.enlarge(r.uniform(1.5, 1.8), 1.3),
                    (a, r, out) -> centre(a.spleen)),
            new Disorder("Lung cancer", ALL, null, (a, r, out) -> {
                double[] c = lung(a, r).pointInside(r, 0.5);
                for (int i = 0; i < 3; i++) {
                    double[] p = {c[0] + r.uniform(-0.06, 0.06), c[1] + r.uniform(-0.06, 0.06),
                            c[2] + r.uniform(-0.06, 0.06)};
                    ball(out, p, r.uniform(0.1, 0.14), Material.TUMOUR, LUNG);
                }
                return c;
            }),
            new Disorder("Bone metastasis", CT_MRI, null, (a, r, out) -> {
                double[] c = vertebra(a, r.between(1, 6));
                c[0] += r.uniform(-0.03, 0.03);
                c[1] += r.uniform(-0.03, 0.03);
                return ball(out, c, a.spine.rx * r.uniform(0.45, 0.6), Material.SCLEROTIC, SPINE);
            }),
            new Disorder("Gallstones", CT_MRI, (a, r) -> a.gallbladder.enlarge(1.2, 1.1), (a, r, out) -> {
                int n = r.between(1, 3);
                double[] first = null;
                for (int i = 0; i < n; i++) {
                    double[] c = a.gallbladder.pointInside(r, 0.5);
                    ball(out, c, r.uniform(0.035, 0.045), Material.CALCIUM, EnumSet.of(Region.GALLBLADDER));
                    first = first == null ? c : first;
                }
                return first;
            }),
            new Disorder("Ascites", CT_MRI, null, (a, r, out) -> {
                double[] c = {a.body.cx, a.body.cy, 0.55};
                out.add(new Ellipsoid(c[0], c[1], c[2], a.body.rx * 0.84, a.body.ry * 0.84, r.uniform(0.4, 0.5),
                        Material.FLUID, null, SOFT));
                return c;
            }),
            new Disorder("Pericardial effusion", CT_MRI, null, (a, r, out) -> {
                double f = r.uniform(1.2, 1.3);
                out.add(new Ellipsoid(a.heart.cx, a.heart.cy, a.heart.cz, a.heart.rx * f, a.heart.ry * f,
                        a.heart.rz * 1.1, Material.FLUID, null, EnumSet.of(Region.BODY, Region.LUNG, Region.HEART)));
                out.add(a.heart.shape(Material.BLOOD, Region.HEART));
                return centre(a.heart);
            }),
            new Disorder("Adrenal adenoma", CT_MRI, null, (a, r, out) -> {
                Part k = kidney(a, r);
                double[] c = {k.cx * 0.9, k.cy - 0.02, Part.clampZ(k.cz - k.rz - 0.04)};
                return ball(out, c, r.uniform(0.05, 0.065), Material.ADENOMA,
                        EnumSet.of(Region.BODY, Region.LIVER, Region.SPLEEN));
            }),
            new Disorder("Pneumoperitoneum", CT_XRAY, null, (a, r, out) -> {
                double[] c = {a.body.cx + r.uniform(-0.2, 0.2), a.body.cy - a.body.ry * 0.88 * 0.85,
                        r.uniform(0.2, 0.5)};
                out.add(new Ellipsoid(c[0], c[1], c[2], 0.3, 0.07, 0.25, Material.AIR, null,
                        EnumSet.of(Region.BODY, Region.LIVER)));
                return c;
            }),
            new Disorder("Aortic dissection", CT_MRI, (a, r) -> a.aorta.enlarge(r.uniform(1.35, 1.5), 1),
                    (a, r, out) -> {
                        double off = (r.chance(0.5) ? -1 : 1) * 0.45 * a.aorta.rx;
                        double[] c = {a.aorta.cx, a.aorta.cy, r.uniform(-0.3, 0.3)};
                        out.add(new Ellipsoid(a.aorta.cx + off, a.aorta.cy, a.aorta.cz, a.aorta.rx * 0.55,
                                a.aorta.ry, a.aorta.rz, Material.THROMBUS, null, EnumSet.of(Region.AORTA)));
                        return c;
                    }),
            new Disorder("Renal cell carcinoma", CT_MRI, null, (a, r, out) -> {
                Part k = kidney(a, r);
                double side = Math.signum(k.cx);
                double[] c = {k.cx + side * k.rx * r.uniform(0.2, 0.6), k.cy + r.uniform(-0.3, 0.3) * k.ry,
                        Part.clampZ(k.cz + r.uniform(-0.5, 0.5) * k.rz)};
                return ball(out, c, r.uniform(0.08, 0.11), Material.TUMOUR, EnumSet.of(Region.KIDNEY, Region.BODY));
            }),
            new Disorder("Hydronephrosis", CT_MRI, (a, r) -> {
                a.kidneyLeft.enlarge(1.15, 1.05);
                a.kidneyRight.enlarge(1.15, 1.05);
            }, (a, r, out) -> {
                Part k = kidney(a, r);
                out.add(new Ellipsoid(k.cx, k.cy, k.cz, k.rx * 0.5, k.ry * 0.55, k.rz * 0.6, Material.FLUID, null,
                        KIDNEY));
                return centre(k);
            }),
            new Disorder("Lung abscess", CT_XRAY, null, (a, r, out) -> {
                double[] c = lung(a, r).pointInside(r, 0.55);
                double rad = r.uniform(0.09, 0.12);
                ball(out, c, rad, Material.RIM, LUNG);
                return ball(out, c, rad * 0.6, Material.AIR, LUNG);
            }),
            new Disorder("Hepatocellular carcinoma", CT_MRI, null, (a, r, out) -> {
                double[] c = a.liver.pointInside(r, 0.5);
                double rad = r.uniform(0.12, 0.16);
                ball(out, c, rad * 1.1, Material.RIM, LIVER);
                return ball(out, c, rad, Material.HCC, LIVER);
            }),
            new Disorder("Scoliosis", ALL, (a, r) -> {
                double amp = (r.chance(0.5) ? -1 : 1) * r.uniform(0.16, 0.24);
                for (int i = 0; i < Anatomy.SPINE_SEGMENTS; i++) {
                    a.spineShift[i] += amp * StrictMath.sin(Math.PI * (i + 0.5) / Anatomy.SPINE_SEGMENTS);
                }
            }, (a, r, out) -> vertebra(a, Anatomy.SPINE_SEGMENTS / 2)),
            new Disorder("Hepatomegaly", CT_MRI, (a, r) -> a.liver.enlarge(r.uniform(1.3, 1.4), 1.25),
                    (a, r, out) -> centre(a.liver)),
            new Disorder("Miliary tuberculosis", CT_XRAY, null, (a, r, out) -> {
                int n = r.between(30, 45);
                for (int i = 0; i < n; i++) {
                    Part l = i % 2 == 0 ? a.lungRight : a.lungLeft;
                    ball(out, l.pointInside(r, 0.85), r.uniform(0.028, 0.038), Material.NODULE, LUNG);
                }
                return centre(a.lungRight);
            }),
            new Disorder("Spinal haemangioma", CT_MRI, null, (a, r, out) -> {
                double[] c = vertebra(a, r.between(1, 6));
                out.add(new Ellipsoid(c[0], c[1], c[2], a.spine.rx * 0.65, a.spine.ry * 0.65, 0.14,
                        Material.HAEMANGIOMA, null, SPINE));
                return c;
            }));

    private Catalogue() {
    }

    private static Part lung(Anatomy a, SplitMix r) {
        return r.chance(0.5) ? a.lungRight : a.lungLeft;
    }

    private static Part kidney(Anatomy a, SplitMix r) {
        return r.chance(0.5) ? a.kidneyRight : a.kidneyLeft;
    }

    private static double[] centre(Part p) {
        return new double[] {p.cx, p.cy, Part.clampZ(p.cz)};
    }

    private static double[] vertebra(Anatomy a, int segment) {
        return new double[] {a.spine.cx + a.spineShift[segment], a.spine.cy, Anatomy.segmentZ(segment)};
    }

    /** Adds a ball, elongated along z so that it spans a few slices, and returns its centre. */
    private static double[] ball(List<Ellipsoid> out, double[] c, double radius, Material m, Set<Region> within) {
        out.add(new Ellipsoid(c[0], c[1], c[2], radius, radius, Math.max(radius * 1.5, 0.16), m, null, within));
        return c;
    }
}
