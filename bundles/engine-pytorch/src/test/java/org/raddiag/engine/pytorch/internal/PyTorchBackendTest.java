package org.raddiag.engine.pytorch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.raddiag.api.data.FloatTensor;
import org.raddiag.support.engine.SelfTest;
import org.raddiag.testsupport.TestTensors;

class PyTorchBackendTest {
    private static PyTorchBackend backend;

    @BeforeAll
    static void engine() throws Exception {
        Engine e = PyTorchEngine.inBundle(() -> Engine.getEngine("PyTorch"));
        backend = new PyTorchBackend(e, Device.cpu(), 1, 0);
    }

    @Test
    void passesItsSelfTest() {
        SelfTest.run(backend);
        assertTrue(backend.info().engineVersion().startsWith("2.7.1"), backend.info().toString());
    }

    @Test
    void mlpMatchesPlainJavaInDoublePrecision() {
        Random r = new Random(11);
        int n = 3, in = 7, h = 5, out = 4;
        TestTensors.Mlp m = TestTensors.mlp(r, n, in, h, out, 1, 1);
        FloatTensor x = m.x(), w1 = m.w1(), b1 = m.b1(), w2 = m.w2(), b2 = m.b2();
        FloatTensor y = m.on(backend);
        assertEquals(n * out, y.data().length);
        for (int i = 0; i < n; i++) {
            double[] hid = new double[h];
            for (int j = 0; j < h; j++) {
                double s = b1.data()[j];
                for (int k = 0; k < in; k++) {
                    s += (double) x.data()[i * in + k] * w1.data()[j * in + k];
                }
                hid[j] = gelu(s);
            }
            for (int o = 0; o < out; o++) {
                double s = b2.data()[o];
                for (int j = 0; j < h; j++) {
                    s += hid[j] * w2.data()[o * h + j];
                }
                assertEquals(s, y.data()[i * out + o], 1e-5, "row " + i + " out " + o);
            }
        }
    }

    @Test
    void refusesMismatchedShapesBeforeTheEngine() {
        FloatTensor x = new FloatTensor(new float[6], 2, 3);
        FloatTensor w = new FloatTensor(new float[8], 2, 4);
        FloatTensor b = new FloatTensor(new float[2], 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> backend.mlp(x, w, b, w, b));
        assertEquals("shape mismatch: w1 has shape [2, 4], expected (hidden, 3) to match x [2, 3]", e.getMessage());
    }


    /** Exact GELU with erf from its Maclaurin series. */
    private static double gelu(double x) {
        return 0.5 * x * (1 + erf(x / Math.sqrt(2)));
    }

    private static double erf(double z) {
        // Maclaurin series; converges fast for |z| < 3, beyond 4 the value is 1 within 2e-8.
        if (Math.abs(z) > 4) { // erfc(4) < 2e-8
            return Math.signum(z);
        }
        double sum = 0, term = z;
        for (int n = 0; n < 200; n++) {
            double t = term / (2 * n + 1);
            sum += t;
            term *= -z * z / (n + 1);
            if (Math.abs(t) < 1e-17) {
                break;
            }
        }
        return 2 / Math.sqrt(Math.PI) * sum;
    }
}
