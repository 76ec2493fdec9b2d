package org.raddiag.workflows.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.raddiag.api.data.LabelSet;
import org.raddiag.api.train.DatasetSource;

class WithheldLabelsTest {
    private static final InMemoryDataset DATA = new InMemoryDataset(new LabelSet("phantom", List.of("Normal",
            "Pulmonary nodule", "Pleural effusion", "Liver metastases", "Renal cyst", "Cardiomegaly"), 2, 2),
            Map.of("c1", List.of("Cardiomegaly"), "c2", List.of("Normal", "Pleural effusion")));

    @Test
    void withheldLabelsLeaveTheLabelSetAndTheSplitsShrink() throws Exception {
        DatasetSource w = WithheldLabels.of(DATA, "Pleural effusion; Cardiomegaly");
        assertEquals(List.of("Normal", "Pulmonary nodule", "Liver metastases", "Renal cyst"), w.labels().labels());
        assertEquals(2, w.labels().headEnd());
        assertEquals(3, w.labels().mediumEnd());
        assertEquals(DATA.caseIds(null), w.caseIds(null));
        assertEquals(List.of("Cardiomegaly"), w.load("c1").labels(), "cases keep their labels");
    }

    @Test
    void unknownEmptyOrAllLabelsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WithheldLabels.of(DATA, "Cardiomegally"));
        assertTrue(e.getMessage().contains("'Cardiomegally' is not a label of in-memory"), e.getMessage());
        assertTrue(e.getMessage().contains("Cardiomegaly"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> WithheldLabels.of(DATA, "Normal;;Renal cyst"));
        assertThrows(IllegalArgumentException.class, () -> WithheldLabels.of(DATA, String.join(";",
                DATA.labels().labels())));
    }
}
