package org.raddiag.api.data;

import java.util.Locale;

/**
 * Imaging modalities with the reference model's modality codes (reference-model.md A.1.4). Code 0 marks an empty
 * scan slot; a modality with several views takes consecutive codes, one per view, up to {@link #maxViews()}.
 */
public enum Modality {
    CT("CT", 1, 3),
    MRI("MRI", 4, 3),
    XRAY("X-ray", 7, 2),
    ULTRASOUND("Ultrasound", 9, 1),
    ANNOTATED("Annotated image", 10, 1),
    FLUOROSCOPY("Fluoroscopy", 11, 1),
    MAMMOGRAPHY("Mammography", 12, 1),
    DSA("DSA (angiography)", 13, 1),
    NUCLEAR_MEDICINE("Nuclear medicine", 14, 1),
    BARIUM("Barium", 15, 1);

    /** Size of the modality embedding table: codes 0..15. */
    public static final int CODE_COUNT = 16;

    private final String label;
    private final int firstCode;
    private final int maxViews;

    Modality(String label, int firstCode, int maxViews) {
        this.label = label;
        this.firstCode = firstCode;
        this.maxViews = maxViews;
    }

    /** The name used in RP3D case files, e.g. {@code X-ray}. */
    public String label() {
        return label;
    }

    /** How many images (views) of one sample the reference early-fusion loader takes. */
    public int maxViews() {
        return maxViews;
    }

    /** Modality code of the {@code view}-th image of a sample (0-based). */
    public int code(int view) {
        if (view < 0 || view >= maxViews) {
            throw new IllegalArgumentException(label + " has " + maxViews + " view code(s), not view " + view);
        }
        return firstCode + view;
    }

    /**
     * Parses a modality name as written in RP3D JSON, DICOM (0008,0060) or by users: {@code CT}, {@code MRI},
     * {@code MR}, {@code X-ray}, {@code CR}, {@code DX}, {@code US}, ...
     *
     * @throws IllegalArgumentException naming the unknown value
     */
    public static Modality parse(String name) {
        if (name == null) {
            throw new IllegalArgumentException("modality is missing");
        }
        String n = name.trim().toUpperCase(Locale.ROOT).replace('_', '-');
        switch (n) {
            case "CT": case "CTA": return CT;
            case "MRI": case "MR": case "MRA": return MRI;
            case "X-RAY": case "XRAY": case "CR": case "DX": case "RG": case "RADIOGRAPH": return XRAY;
            case "US": case "ULTRASOUND": return ULTRASOUND;
            case "ANNOTATED IMAGE": case "ANNOTATED": return ANNOTATED;
            case "FLUOROSCOPY": case "RF": case "XA-FLUORO": return FLUOROSCOPY;
            case "MAMMOGRAPHY": case "MG": return MAMMOGRAPHY;
            case "DSA": case "DSA (ANGIOGRAPHY)": case "XA": case "ANGIOGRAPHY": return DSA;
            case "NUCLEAR MEDICINE": case "NM": case "PT": case "PET": return NUCLEAR_MEDICINE;
            case "BARIUM": return BARIUM;
            default:
                throw new IllegalArgumentException("unknown modality '" + name + "'");
        }
    }
}
