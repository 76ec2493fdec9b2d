package org.raddiag.core.diagnosis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.raddiag.api.data.Case;
import org.raddiag.api.data.Diagnosis;
import org.raddiag.api.data.LabelSet;
import org.raddiag.api.data.Modality;
import org.raddiag.api.data.Plane;
import org.raddiag.api.data.Sample;
import org.raddiag.api.data.Scan;
import org.raddiag.api.data.Volume;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.api.model.ModelOutput;
import org.raddiag.api.model.ModelPackage;
import org.raddiag.api.model.ModelRef;
import org.raddiag.core.preprocess.CaseTensorizer;
import org.raddiag.core.preprocess.CaseTensors;
import org.raddiag.core.preprocess.TensorizerSettings;

class DiagnosisAssemblerTest {
    private static final LabelSet LABELS = new LabelSet("t", List.of("Normal", "A", "B"), 1, 1);

    @Test
    void ranksBySigmoidAppliesThresholdsAndKeepsValidSlicesOnly() {
        ArchitectureConfig arch = new ArchitectureConfig(Map.of("slots", "2", "depth", "4", "image_size", "8"));
        CaseTensors t = new CaseTensorizer(TensorizerSettings.of(arch)).tensorize(oneScanCase(3), LABELS);
        float[] attention = {0.2f, 0.5f, 0.3f, 0f, 0f, 0f, 0f, 0f};
        ModelOutput out = new ModelOutput(new float[] {-2f, 3f, 0.5f}, attention, 1, 3, 2, 4);
        Diagnosis d = DiagnosisAssembler.assemble("c", pkg(new double[] {0.5, 0.9, 0.6}), "pytorch", t, out, 0,
                Map.of("total", 1.0));
        assertEquals(List.of("A", "B", "Normal"), d.findings().stream().map(f -> f.label()).toList());
        assertEquals(1 / (1 + Math.exp(-3)), d.findings().get(0).probability(), 1e-12);
        assertTrue(d.findings().get(0).positive(), "0.953 >= 0.9");
        assertTrue(d.findings().get(1).positive(), "sigmoid(0.5) = 0.622 >= 0.6");
        assertFalse(d.findings().get(2).positive(), "sigmoid(-2) = 0.119 < 0.5");
        assertEquals(1, d.attention().size(), "only the filled slot");
        assertArrayEquals(new float[] {0.2f, 0.5f, 0.3f}, d.attention().get(0).weights());
        assertEquals(1, d.attention().get(0).keySlice());
        assertEquals("m", d.modelName());
    }

    @Test
    void topKTruncatesAndSigmoidClampsLikeTheReference() {
        ArchitectureConfig arch = new ArchitectureConfig(Map.of("slots", "2", "depth", "4", "image_size", "8"));
        CaseTensors t = new CaseTensorizer(TensorizerSettings.of(arch)).tensorize(oneScanCase(2), LABELS);
        ModelOutput out = new ModelOutput(new float[] {100f, -100f, 0f}, new float[8], 1, 3, 2, 4);
        Diagnosis d = DiagnosisAssembler.assemble("c", pkg(new double[] {0.5, 0.5, 0.5}), "pytorch", t, out, 2, Map.of());
        assertEquals(2, d.findings().size());
        assertEquals(1 / (1 + Math.exp(-60)), d.findings().get(0).probability(), 0);
        assertEquals(0.5, d.findings().get(1).probability(), 0);
    }

    private static Case oneScanCase(int depth) {
        float[] v = new float[8 * 8 * depth];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        Scan s = new Scan(new Volume(v, 8, 8, depth), Modality.CT, Plane.AXIAL, -1, "scan.npy");
        return new Case("c", List.of(new Sample(Modality.CT, List.of(s))), List.of());
    }

    private static ModelPackage pkg(double[] thresholds) {
        return new ModelPackage() {
            @Override
            public ModelRef ref() {
                return new ModelRef("m", "1.0.0");
            }

            @Override
            public ArchitectureConfig architecture() {
                return ArchitectureConfig.referenceDefault();
            }

            @Override
            public LabelSet labels() {
                return LABELS;
            }

            @Override
            public double[] thresholds() {
                return thresholds;
            }

            @Override
            public Path weights() {
                return Path.of("none");
            }

            @Override
            public Map<String, String> provenance() {
                return Map.of();
            }
        };
    }
}
