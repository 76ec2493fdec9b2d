package org.raddiag.support.engine;

import org.raddiag.api.compute.BackendInfo;
import org.raddiag.api.compute.ComputeBackend;
import org.raddiag.api.data.FloatTensor;

/** A plain-Java backend: the exact-erf GELU MLP in double precision, plus {@code offset} to make it wrong. */
final class JavaMlp implements ComputeBackend, AutoCloseable {
    private final String name;
    private final double offset;
    volatile boolean closed;

    JavaMlp(String name, double offset) {
        this.name = name;
        this.offset = offset;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public BackendInfo info() {
        return new BackendInfo("Java", "17", "cpu", 1, 0);
    }

    @Override
    public FloatTensor mlp(FloatTensor x, FloatTensor w1, FloatTensor b1, FloatTensor w2, FloatTensor b2) {
        MlpShapes s = MlpShapes.of(x, w1, b1, w2, b2);
        float[] y = new float[s.batch() * s.out()];
        for (int n = 0; n < s.batch(); n++) {
            double[] h = new double[s.hidden()];
            for (int j = 0; j < s.hidden(); j++) {
                double v = b1.data()[j];
                for (int k = 0; k < s.in(); k++) {
                    v += (double) x.data()[n * s.in() + k] * w1.data()[j * s.in() + k];
                }
                h[j] = 0.5 * v * (1 + erf(v / Math.sqrt(2)));
            }
            for (int o = 0; o < s.out(); o++) {
                double v = b2.data()[o];
                for (int j = 0; j < s.hidden(); j++) {
                    v += h[j] * w2.data()[o * s.hidden() + j];
                }
                y[n * s.out() + o] = (float) (v + offset);
            }
        }
        return new FloatTensor(y, s.batch(), s.out());
    }

    @Override
    public void close() {
        closed = true;
    }

    /** erf from its Maclaurin series; beyond |z| = 5 it is +-1 to within 2e-12. */
    private static double erf(double z) {
        if (Math.abs(z) > 5) {
            return Math.signum(z);
        }
        double sum = 0;
        double term = z;
        for (int n = 0; n < 400; n++) {
            double t = term / (2 * n + 1);
            sum += t;
            term *= -z * z / (n + 1);
            if (Math.abs(t) < 1e-17 && n > 2 * z * z) {
                break;
            }
        }
        return 2 / Math.sqrt(Math.PI) * sum;
    }
}
