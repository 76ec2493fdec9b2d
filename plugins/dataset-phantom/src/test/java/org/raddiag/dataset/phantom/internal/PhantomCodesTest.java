package org.raddiag.dataset.phantom.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.raddiag.testsupport.TestData;

class PhantomCodesTest {
    @Test
    void everyDisorderHasTheUpstreamCodeOrTheSupplementsCode() throws Exception {
        JsonObject upstream = JsonParser.parseString(Files.readString(TestData.path("knowledge",
                "ICD_dict_1218.json"))).getAsJsonObject();
        JsonObject supplement = JsonParser.parseString(Files.readString(TestData.root().getParent().resolve(
                "bundles/workflows/src/main/resources/org/raddiag/workflows/internal/icd10-supplement.json")))
                .getAsJsonObject().getAsJsonObject("codes");
        Set<String> fromSupplement = new TreeSet<>();
        for (Disorder d : Catalogue.DISORDERS) {
            String code = PhantomCodes.CODES.get(d.name);
            if (upstream.has(d.name)) {
                assertEquals(upstream.get(d.name).getAsString(), code, d.name);
            } else {
                assertEquals(supplement.getAsJsonObject(d.name).get("code").getAsString(), code, d.name);
                fromSupplement.add(d.name);
            }
        }
        assertEquals(Catalogue.DISORDERS.size(), PhantomCodes.CODES.size());
        assertEquals(Set.of("Pulmonary nodule", "Vertebral fracture", "Hepatic cyst", "Bone metastasis",
                "Pneumoperitoneum", "Spinal haemangioma"), fromSupplement);
    }

    @Test
    void aCaseHasTheDistinctCodesOfItsLabels() {
        assertEquals(List.of("R16", "R91"), PhantomCodes.of(List.of("Splenomegaly", "Hepatomegaly",
                "Pulmonary nodule", "Ground-glass opacification")));
        assertEquals(List.of(), PhantomCodes.of(List.of(Catalogue.NORMAL)));
        assertThrows(IllegalStateException.class, () -> PhantomCodes.of(List.of("Made-up")));
    }
}
