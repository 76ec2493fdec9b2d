package org.raddiag.backbone.resnet.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.raddiag.onnx.testing.DjlNets;
import org.raddiag.onnx.testing.OrtRun;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.model.blocks.RadNet;
import org.raddiag.model.blocks.RadNetConfig;
import org.raddiag.onnx.BlockConverter;
import org.raddiag.onnx.OnnxExporter;
import org.raddiag.onnx.OnnxExporters;
import org.raddiag.testsupport.Components;

/**
 * Benchmark helper (not a test): per-case latency of ONNX Runtime against DJL/PyTorch on the same random-weight
 * RadNet, same thread count, every slice valid (no skipping), with GFLOP/s from {@link FlopCount}. Arguments:
 * {@code threads iterations [demo|full1|full4 ...]} (suffix {@code :ort} skips DJL, whose inference keeps every
 * intermediate until the forward ends: ~15 GB for 4 full-size scans); peak RSS of the JVM from {@code /proc/self/status}.
 * Run with the test class path, {@code -Dai.djl.pytorch.num_threads=T}, {@code OMP_NUM_THREADS=T} and a heap of
 * about 6 GB for the full-size model.
 */
public final class OnnxBench {
    private OnnxBench() {
    }

    /** Name, ResNet depth, image size, slices, slots, hidden, classes. */
    private record Variant(String name, int resnet, int size, int depth, int slots, int hidden, int classes) {
    }

    private static final Map<String, Variant> VARIANTS = Map.of(
            "demo", new Variant("demo (resnet18, 64 px, 16 slices, 4 scans, hidden 128, 64 classes)", 18, 64, 16, 4,
                    128, 64),
            "full1", new Variant("full (resnet50, 256 px, 32 slices, 1 scan, hidden 2048, 5569 classes)", 50, 256,
                    32, 1, 2048, 5569),
            "full4", new Variant("full (resnet50, 256 px, 32 slices, 4 scans, hidden 2048, 5569 classes)", 50, 256,
                    32, 4, 2048, 5569));

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String[] names = args.length > 2 ? Arrays.copyOfRange(args, 2, args.length)
                : new String[] {"demo", "full1", "full4"};
        System.out.printf("threads %d, iterations %d (after 1 warm-up), DJL %s%n", threads, iterations,
                System.getProperty("ai.djl.pytorch.num_threads"));
        for (String n : names) {
            boolean ortOnly = n.endsWith(":ort");
            run(VARIANTS.get(n.replace(":ort", "")), threads, iterations, ortOnly);
        }
        System.out.println("peak RSS of this JVM (both engines): " + peakRss());
    }

    private static void run(Variant v, int threads, int iterations, boolean ortOnly) throws Exception {
        double flops = FlopCount.radNet(v.resnet, v.size, v.depth, v.slots, v.hidden, v.classes);
        try (NDManager m = NDManager.newBaseManager()) {
            RadNet net = RadNet.assemble(new RadNetConfig(v.resnet, v.depth, v.hidden, v.classes, 16, 1, 1, 4, 2, true),
                    new ResNet2D(v.resnet, 3), v.resnet >= 50 ? 2048 : 512, ReferenceNets.mlpBlock(v.hidden, v.classes));
            Shape img = new Shape(1, v.slots, 1, v.size, v.size, v.depth);
            net.initialize(m, DataType.FLOAT32, img, new Shape(1, v.slots), new Shape(1, v.slots, v.depth));
            float[] images = new float[(int) img.size()];
            Random r = new Random(1);
            for (int i = 0; i < images.length; i++) {
                images[i] = r.nextFloat();
            }
            long[] mods = new long[v.slots];
            Arrays.fill(mods, 3);
            long[] marks = new long[v.slots * v.depth];
            Arrays.fill(marks, 1);
            ParameterStore ps = new ParameterStore(m, false);
            float[] djlLogits = null;
            double[] djl = new double[iterations];
            for (int i = ortOnly ? iterations : -1; i < iterations; i++) {
                long t0 = System.nanoTime();
                try (NDManager sub = m.newSubManager()) { // intermediates follow the inputs' manager
                    NDList in = new NDList(sub.create(images, img), sub.create(mods, new Shape(1, v.slots)),
                            sub.create(marks, new Shape(1, v.slots, v.depth)));
                    NDArray out = net.forward(ps, in, false).get(0);
                    djlLogits = out.toFloatArray();
                }
                if (i >= 0) {
                    djl[i] = (System.nanoTime() - t0) / 1e9;
                }
            }
            long e0 = System.nanoTime();
            ArchitectureConfig arch = new ArchitectureConfig(Map.of(ArchitectureConfig.BACKBONE, "resnet" + v.resnet,
                    ArchitectureConfig.IMAGE_SIZE, "" + v.size, ArchitectureConfig.DEPTH, "" + v.depth,
                    ArchitectureConfig.HIDDEN, "" + v.hidden, ArchitectureConfig.CLASSES, "" + v.classes));
            byte[] onnx = OnnxExporters.standalone(Components.all(BlockConverter.class), Components.components()).export(arch, DjlNets.weights(net, ""));
            double exportS = (System.nanoTime() - e0) / 1e9;
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            double[] ort = new double[iterations];
            float[] ortLogits = null;
            try (OrtSession.SessionOptions o = sessionOptions(threads);
                    OrtSession s = env.createSession(onnx, o);
                    OnnxTensor ti = OnnxTensor.createTensor(env, FloatBuffer.wrap(images), img.getShape());
                    OnnxTensor tm = OnnxTensor.createTensor(env, LongBuffer.wrap(mods), new long[] {1, v.slots});
                    OnnxTensor tk = OnnxTensor.createTensor(env, LongBuffer.wrap(marks),
                            new long[] {1, v.slots, v.depth})) {
                for (int i = -1; i < iterations; i++) {
                    long t0 = System.nanoTime();
                    try (OrtSession.Result res = s.run(Map.of(OnnxExporter.INPUT_IMAGES, ti,
                            OnnxExporter.INPUT_MODS, tm, OnnxExporter.INPUT_MARKS, tk))) {
                        FloatBuffer b = ((OnnxTensor) res.get(0)).getFloatBuffer();
                        ortLogits = new float[b.remaining()];
                        b.get(ortLogits);
                    }
                    if (i >= 0) {
                        ort[i] = (System.nanoTime() - t0) / 1e9;
                    }
                }
            }
            double dm = ortOnly ? Double.NaN : median(djl);
            double om = median(ort);
            System.out.printf("%s%n  %.1f GFLOP/case, ONNX %.0f MB, export %.1f s%n", v.name, flops / 1e9,
                    onnx.length / 1e6, exportS);
            System.out.printf("  DJL/PyTorch  median %.3f s/case  %.2f cases/s  %.1f GFLOP/s%n", dm, 1 / dm,
                    flops / dm / 1e9);
            System.out.printf("  ONNX Runtime median %.3f s/case  %.2f cases/s  %.1f GFLOP/s%n", om, 1 / om,
                    flops / om / 1e9);
            if (!ortOnly) {
                System.out.printf("  max|logit ORT - DJL| = %.3g%n", OrtRun.maxAbsDiff(ortLogits, djlLogits));
            }
        }
    }

    private static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static String peakRss() {
        try {
            return Files.readAllLines(Paths.get("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
                    .findFirst().orElse("n/a").replaceAll("\\s+", " ");
        } catch (Exception e) {
            return "n/a";
        }
    }

    private static OrtSession.SessionOptions sessionOptions(int threads) throws ai.onnxruntime.OrtException {
        OrtSession.SessionOptions o = new OrtSession.SessionOptions();
        o.setIntraOpNumThreads(threads);
        return o;
    }
}
