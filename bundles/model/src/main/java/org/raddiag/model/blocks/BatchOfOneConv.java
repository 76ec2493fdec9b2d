package org.raddiag.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

/**
 * An inference convolution of a batch of one small image, run as a batch of two (the image twice, the second result
 * dropped). Why: libtorch 2.7 gives such a conv (kernel up to 3 x 3, at most 20,480 input values) to its own kernel
 * rather than oneDNN, and first asks NNPACK, which on machines where NNPACK cannot initialise (its cpuinfo blind to the
 * caches, as on AMD VMs whose CPUID reports none) logs "Could not initialize NNPACK! Reason: Unsupported hardware"
 * at every call: 240 lines on the demo's stderr, from scans with one valid slice. A batch of two takes oneDNN, which
 * asks nothing, and gives the same values. Inference only: on those machines oneDNN's input gradient of convolutions
 * with few output channels (8 of 16 inputs, 3 x 3) is wrong, where libtorch's own kernel is right.
 */
public final class BatchOfOneConv {
    /** libtorch's bound (ConvParams::use_mkldnn): above it, a batch of one goes to oneDNN anyway. */
    static final long NATIVE_MAX_VALUES = 20_480;

    private BatchOfOneConv() {
    }

    /** Whether libtorch would not give the conv of {@code x} with a square {@code kernel} to oneDNN. */
    public static boolean applies(NDArray x, long kernel) {
        Shape s = x.getShape();
        return s.dimension() == 4 && s.get(0) == 1 && kernel <= 3 && s.size() <= NATIVE_MAX_VALUES;
    }

    /**
     * The convolution of {@code x (N, C, H, W)}; a single small image (see {@link #applies}) goes through oneDNN as a
     * batch of two. The result belongs to x's manager.
     */
    public static NDArray conv2d(NDArray x, NDArray weight, NDArray bias, Shape stride, Shape padding) {
        if (!applies(x, weight.getShape().get(2))) {
            return Conv2d.conv2d(x, weight, bias, stride, padding).head();
        }
        try (NDArray two = NDArrays.concat(new NDList(x, x));
                NDArray both = Conv2d.conv2d(two, weight, bias, stride, padding).head()) {
            return both.get(new NDIndex("0:1"));
        }
    }
}
