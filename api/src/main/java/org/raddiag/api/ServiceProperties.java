package org.raddiag.api;

/**
 * Service property keys that say what a provider is, so consumers can select with LDAP filters such as
 * {@code (raddiag.backbone=resnet50)} or {@code (raddiag.backend=pytorch)}.
 */
public final class ServiceProperties {
    /** Kind of a RadDiag service: reader, backbone, pooling, fusion, head, backend, dataset, trainer, command. */
    public static final String KIND = "raddiag.kind";
    /** Backbone name of a {@code SliceBackbone}, e.g. {@code resnet50}, {@code vit}. */
    public static final String BACKBONE = "raddiag.backbone";
    /** Backend name of a {@code ComputeBackend}, e.g. {@code pytorch}, {@code onnxruntime}. */
    public static final String BACKEND = "raddiag.backend";
    /** Modalities a reader or dataset serves, e.g. {@code CT}; multi-valued. */
    public static final String MODALITY = "raddiag.modality";
    /** File formats a reader accepts, e.g. {@code dicom}, {@code nifti}, {@code npy}; multi-valued. */
    public static final String FORMAT = "raddiag.format";
    /** Fusion name, e.g. {@code early}. */
    public static final String FUSION = "raddiag.fusion";
    /** Head name, e.g. {@code mlp}, {@code knowledge}. */
    public static final String HEAD = "raddiag.head";
    /** Dataset layout name, e.g. {@code rp3d}, {@code phantom}. */
    public static final String DATASET = "raddiag.dataset";
    /** Trainer name. */
    public static final String TRAINER = "raddiag.trainer";
    /** Name of a one-shot command, e.g. {@code status}. */
    public static final String COMMAND = "raddiag.command";
    /** Values of {@link #KIND} for model runners ({@code ModelRunner}). */
    public static final String KIND_RUNNER = "runner";

    /** Values of {@link #KIND}. */
    public static final String KIND_READER = "reader";
    public static final String KIND_BACKBONE = "backbone";
    public static final String KIND_POOLING = "pooling";
    public static final String KIND_FUSION = "fusion";
    public static final String KIND_HEAD = "head";
    public static final String KIND_BACKEND = "backend";
    public static final String KIND_DATASET = "dataset";
    public static final String KIND_TRAINER = "trainer";
    public static final String KIND_COMMAND = "command";

    private ServiceProperties() {
    }
}
