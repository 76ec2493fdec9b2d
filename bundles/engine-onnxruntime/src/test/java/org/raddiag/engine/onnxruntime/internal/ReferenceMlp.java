package org.raddiag.engine.onnxruntime.internal;

import org.raddiag.api.data.FloatTensor;
import org.raddiag.testsupport.TestTensors;

/** Plain-Java, double-precision reference of the head: {@code (GELU(x W1^T + b1)) W2^T + b2}, exact (erf) GELU. */
final class ReferenceMlp {
    private ReferenceMlp() {
    }

    static double[][] forward(FloatTensor x, FloatTensor w1, FloatTensor b1, FloatTensor w2, FloatTensor b2) {
        return linear(gelu(linear(rows(x), w1, b1)), w2, b2);
    }

    static double[][] forward(TestTensors.Mlp m) {
        return forward(m.x(), m.w1(), m.b1(), m.w2(), m.b2());
    }

    static double[][] rows(FloatTensor t) {
        int n = (int) t.shape()[0];
        int d = (int) t.shape()[1];
        double[][] r = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                r[i][j] = t.data()[i * d + j];
            }
        }
        return r;
    }

    /** {@code x W^T + b} with W in (out, in) layout. */
    static double[][] linear(double[][] x, FloatTensor w, FloatTensor b) {
        int out = (int) w.shape()[0];
        int in = (int) w.shape()[1];
        double[][] y = new double[x.length][out];
        for (int i = 0; i < x.length; i++) {
            for (int o = 0; o < out; o++) {
                double s = b.data()[o];
                for (int k = 0; k < in; k++) {
                    s += x[i][k] * w.data()[o * in + k];
                }
                y[i][o] = s;
            }
        }
        return y;
    }

    static double[][] gelu(double[][] x) {
        double[][] y = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            y[i] = new double[x[i].length];
            for (int j = 0; j < x[i].length; j++) {
                y[i][j] = 0.5 * x[i][j] * (1 + erf(x[i][j] / Math.sqrt(2)));
            }
        }
        return y;
    }

    /** erf to ~1e-15: Maclaurin series for |x| < 3, continued fraction of erfc beyond. */
    static double erf(double x) {
        double a = Math.abs(x);
        double r;
        if (a < 3) {
            double term = a;
            double sum = a;
            for (int n = 1; n < 200 && Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
                term *= -a * a / n;
                sum += term / (2 * n + 1);
            }
            r = 2 / Math.sqrt(Math.PI) * sum;
        } else {
            double t = a;
            for (int k = 80; k >= 1; k--) {
                t = a + (k / 2.0) / t;
            }
            r = 1 - Math.exp(-a * a) / Math.sqrt(Math.PI) / t;
        }
        return x < 0 ? -r : r;
    }
}
