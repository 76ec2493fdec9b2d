package org.raddiag.dataset.phantom.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The three-character ICD-10 code of each phantom disorder, written into the case files' {@code icd10s} as RP3D
 * does. 23 come from the official repository's {@code ICD_dict_1218.json} (testdata/knowledge); the six names it
 * lacks take the code it gives their nearest synonym, as the workflows' ICD-10 level does (its
 * {@code icd10-supplement.json}): Pulmonary nodule R91 (as "Miliary lung nodules"), Vertebral fracture S22 ("Spinal
 * compression fracture"), Hepatic cyst Q44 ("Simple hepatic cyst"), Bone metastasis C79 ("Osseous metastases"),
 * Pneumoperitoneum K66 ("Tension pneumoperitoneum"), Spinal haemangioma D18 ("Intraosseous haemangioma").
 * {@code PhantomCodesTest} checks every entry against both files.
 */
final class PhantomCodes {
    static final Map<String, String> CODES = Map.ofEntries(
            Map.entry("Pulmonary nodule", "R91"), Map.entry("Pleural effusion", "J90"),
            Map.entry("Liver metastases", "C78"), Map.entry("Renal cyst", "N28"), Map.entry("Cardiomegaly", "I51"),
            Map.entry("Vertebral fracture", "S22"), Map.entry("Hepatic abscess", "K75"),
            Map.entry("Urolithiasis", "N20"), Map.entry("Pneumothorax", "J93"),
            Map.entry("Ground-glass opacification", "R91"), Map.entry("Hepatic cyst", "Q44"),
            Map.entry("Abdominal aortic aneurysm", "I71"), Map.entry("Splenomegaly", "R16"),
            Map.entry("Lung cancer", "C34"), Map.entry("Bone metastasis", "C79"), Map.entry("Gallstones", "K80"),
            Map.entry("Ascites", "R18"), Map.entry("Pericardial effusion", "I31"),
            Map.entry("Adrenal adenoma", "D35"), Map.entry("Pneumoperitoneum", "K66"),
            Map.entry("Aortic dissection", "I71"), Map.entry("Renal cell carcinoma", "C64"),
            Map.entry("Hydronephrosis", "N13"), Map.entry("Lung abscess", "J85"),
            Map.entry("Hepatocellular carcinoma", "C22"), Map.entry("Scoliosis", "M41"),
            Map.entry("Hepatomegaly", "R16"), Map.entry("Miliary tuberculosis", "A19"),
            Map.entry("Spinal haemangioma", "D18"));

    private PhantomCodes() {
    }

    /** The distinct codes of a case's labels, in label order ({@code Normal} has none). */
    static List<String> of(List<String> labels) {
        Set<String> codes = new LinkedHashSet<>();
        for (String l : labels) {
            if (!l.equals(Catalogue.NORMAL)) {
                String c = CODES.get(l);
                if (c == null) {
                    throw new IllegalStateException("phantom disorder '" + l + "' has no ICD-10 code in PhantomCodes");
                }
                codes.add(c);
            }
        }
        return new ArrayList<>(codes);
    }
}
