package org.raddiag.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.raddiag.api.model.ClassifierHead;
import org.raddiag.api.model.SliceBackbone;
import org.raddiag.model.blocks.internal.SliceSelection;

/**
 * The RadNet network ({@code modelRadNet.py}) assembled from parts: a slice backbone ({@code (N, 3, H, W) ->
 * (N, F)}), a projection {@code Linear(F, hidden)} only when {@code F != hidden}, {@link Attention1D} over the
 * slices of each scan ({@code attention1D}), {@link VitFuse} over the scans of a case ({@code vitFuse}, early fusion
 * only) and a head ({@code (B, hidden) -> (B, classes)}). The backbone's parameters are named under
 * {@value #BACKBONE_KEY} and the head's under {@value #HEAD_KEY}, the reference's names, whatever the plugin.
 *
 * <p>Early-fusion input: {@code images (B, S, 1, H, W, D)} (depth last, as the reference dataset emits),
 * {@code mods (B, S)} or {@code (B, S, 1)}, {@code marks (B, S, D)}. Late fusion: S = 1 and mods are ignored.
 * Outputs: {@code logits (B, classes)}; Attention1D's CLS score row {@code (B*S, D+1)} (for the key-slice loss);
 * its CLS probability row {@code (B*S, D+1)}; the slice attention {@code (B, S, D)} (that probability row, averaged
 * over heads, CLS column dropped).
 *
 * <p>Skipping (default on): only valid slices (mark non-zero) of non-empty slots (modality code non-zero; every slot
 * in late fusion) run through the backbone; the other rows of the {@code (B*S, D, hidden)} sequence are zero. Those
 * rows are masked keys of Attention1D, or belong to slots vitFuse masks, so in eval mode the logits equal the
 * reference, which runs every slice; the attention rows of empty slots are meaningless either way. In training mode
 * BatchNorm's batch statistics then see only real slices, unlike the reference; {@link #setSkipPadding(boolean)
 * setSkipPadding(false)} runs every slice as the reference does.
 *
 * <p>Built by {@code org.raddiag.model.assembly.NetworkAssembler} from the plugins an architecture names; the
 * parts' contracts are those of {@link SliceBackbone} and {@link ClassifierHead}.
 */
public final class RadNet extends ReferenceBlock {
    /** State-dict name of the backbone (the reference's {@code resnet2D} attribute), for every backbone. */
    public static final String BACKBONE_KEY = SliceBackbone.STATE_DICT_PREFIX;
    /** State-dict name of the head (the reference's {@code fc} attribute), for every head. */
    public static final String HEAD_KEY = ClassifierHead.STATE_DICT_PREFIX;
    /** Default slices per backbone pass in inference (system property {@code raddiag.inference.chunk}, or 16). */
    public static final long INFERENCE_CHUNK = Math.max(1, Long.getLong("raddiag.inference.chunk", 16));

    private final RadNetConfig config;
    private final Block backbone;
    private final int featureWidth;
    private final Linear projection;
    private final Attention1D attention;
    private final VitFuse fuse;
    private final Block head;
    private volatile boolean skipPadding = true;

    /**
     * RadNet from parts.
     *
     * @param backbone fresh block mapping {@code (N, 3, H, W)} to {@code (N, featureWidth)}
     * @param featureWidth the backbone's output width F
     * @param head fresh block mapping {@code (B, hidden)} to {@code (B, classes)}
     */
    public RadNet(RadNetConfig config, Block backbone, int featureWidth, Block head) {
        this.config = config;
        this.backbone = addReferenceChild(BACKBONE_KEY, backbone);
        this.featureWidth = featureWidth;
        int h = config.hidden();
        projection = featureWidth == h ? null
                : addReferenceChild("projection", Linear.builder().setUnits(h).build());
        attention = addReferenceChild("attention1D",
                new Attention1D(h, config.depth(), config.poolHeads(), config.poolLayers(), h));
        fuse = config.earlyFusion() ? addReferenceChild("vitFuse",
                new VitFuse(config.modalities(), h, config.fusionHeads(), config.fusionLayers(), h)) : null;
        this.head = addReferenceChild(HEAD_KEY, head);
    }

    /** {@link #RadNet(RadNetConfig, Block, int, Block)}: the entry point for callers that got parts from plugins. */
    public static RadNet assemble(RadNetConfig config, Block backbone, int featureWidth, Block head) {
        return new RadNet(config, backbone, featureWidth, head);
    }

    public RadNetConfig config() {
        return config;
    }

    public Block backbone() {
        return backbone;
    }

    public int featureWidth() {
        return featureWidth;
    }

    public Block head() {
        return head;
    }

    private volatile long inferenceChunk = INFERENCE_CHUNK;

    public boolean isSkipPadding() {
        return skipPadding;
    }

    /** Slices per backbone pass in inference: bounds memory; results do not depend on it. */
    public void setInferenceChunk(long slices) {
        if (slices < 1) {
            throw new IllegalArgumentException("inference chunk must be at least 1 slice");
        }
        inferenceChunk = slices;
    }

    /** Whether empty slots and padded slices bypass the backbone (default true). */
    public void setSkipPadding(boolean skip) {
        skipPadding = skip;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray images = inputs.get(0);
        Shape s = images.getShape();
        long b = s.get(0);
        long slots = s.get(1);
        long depth = s.get(5);
        long rows = b * slots * depth;
        NDArray slices = images.transpose(0, 1, 5, 2, 3, 4).reshape(rows, 1, s.get(3), s.get(4));
        NDArray marks = inputs.get(2).reshape(b * slots, depth);
        NDArray feats = skipPadding
                ? SliceSelection.of(validSlices(inputs, marks)).encode(slices, config.hidden(),
                        x -> encode(ps, x, training))
                : encode(ps, slices, training);
        feats = feats.reshape(b * slots, depth, config.hidden());
        NDList pooled = attention.forward(ps, new NDList(feats, marks), training);
        NDArray caseFeature = pooled.get(0);
        if (fuse != null) {
            caseFeature = fuse.forward(ps, new NDList(caseFeature.reshape(b, slots, config.hidden()), inputs.get(1)),
                    training).head();
        }
        NDArray logits = head.forward(ps, new NDList(caseFeature), training).head();
        NDArray sliceAttention = pooled.get(1).get(new NDIndex(":, 1:")).reshape(b, slots, depth);
        return new NDList(logits, pooled.get(2), pooled.get(1), sliceAttention);
    }

    /**
     * Backbone (and projection) on single-channel slices {@code (N, 1, H, W)}: {@code (N, hidden)}. In inference the
     * slices go through in chunks of {@link #setInferenceChunk} slices whose intermediates are freed before the next chunk,
     * so memory stays bounded however many slices a case has (a 4-scan full-size case is 128 ResNet-50 passes).
     */
    private NDArray encode(ParameterStore ps, NDArray slices, boolean training) {
        long n = slices.getShape().get(0);
        long size = inferenceChunk;
        if (training || n <= size) {
            return encodeAll(ps, slices, training);
        }
        NDManager outer = slices.getManager();
        NDList parts = new NDList();
        for (long i = 0; i < n; i += size) {
            long j = Math.min(n, i + size);
            try (NDManager chunk = outer.newSubManager()) {
                NDArray part = slices.get(new NDIndex(i + ":" + j));
                part.attach(chunk);
                NDArray f = encodeAll(ps, part, false);
                f.attach(outer);
                parts.add(f);
            }
        }
        return NDArrays.concat(parts, 0);
    }

    private NDArray encodeAll(ParameterStore ps, NDArray slices, boolean training) {
        NDArray in = backbone instanceof GraySlices ? slices : slices.repeat(1, 3);
        NDArray feats = backbone.forward(ps, new NDList(in), training).head();
        if (projection != null) {
            feats = projection.forward(ps, new NDList(feats), training).head();
        }
        return feats;
    }

    /** {@code (B*S*D)} booleans: marked slices, of slots with a non-zero modality code under early fusion. */
    private NDArray validSlices(NDList inputs, NDArray marks) {
        NDArray valid = marks.neq(0);
        if (fuse != null) {
            long flat = marks.getShape().get(0);
            valid = valid.logicalAnd(inputs.get(1).reshape(flat, 1).neq(0));
        }
        return valid.reshape(-1);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        int h = config.hidden();
        int d = config.depth();
        Shape in = inputShapes[0];
        backbone.initialize(manager, dataType, new Shape(1, 3, in.get(3), in.get(4)));
        if (projection != null) {
            projection.initialize(manager, dataType, new Shape(1, featureWidth));
        }
        attention.initialize(manager, dataType, new Shape(1, d, h), new Shape(1, d));
        if (fuse != null) {
            fuse.initialize(manager, dataType, new Shape(1, 1, h), new Shape(1, 1));
        }
        head.initialize(manager, dataType, new Shape(1, h));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        long n = s.get(0) * s.get(1);
        Shape rows = new Shape(n, s.get(5) + 1);
        Shape logits = head.getOutputShapes(new Shape[] {new Shape(s.get(0), config.hidden())})[0];
        return new Shape[] {logits, rows, rows, new Shape(s.get(0), s.get(1), s.get(5))};
    }
}
