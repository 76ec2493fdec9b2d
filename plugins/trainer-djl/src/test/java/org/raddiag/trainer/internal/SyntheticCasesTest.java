package org.raddiag.trainer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.raddiag.api.data.Case;
import org.raddiag.api.model.ModelInput;
import org.raddiag.api.train.DatasetSource.Split;

/** The benchmark's cases: as many as asked, over a fixed number of distinct inputs (its memory stays bounded). */
class SyntheticCasesTest {

    @Test
    void casesCycleOverTheDistinctInputs() {
        SyntheticCases data = new SyntheticCases(5, 10, 3, 4, 2, 1);
        List<String> ids = data.caseIds(Split.TRAIN);
        assertEquals(10, ids.size());
        Function<Case, ModelInput> t = data.tensorizer();
        ModelInput first = t.apply(data.load(ids.get(0)));
        assertSame(first, t.apply(data.load(ids.get(3))));
        assertSame(first, t.apply(data.load(ids.get(9))));
        assertNotSame(first, t.apply(data.load(ids.get(1))));
        assertEquals(1 * 4 * 4 * 2, first.images().data().length);
        assertEquals("c4", data.load(ids.get(9)).labels().get(0));
        assertEquals(List.of(), data.caseIds(Split.VALIDATION));
        assertThrows(IllegalArgumentException.class, () -> new SyntheticCases(5, 10, 0, 4, 2, 1));
    }
}
