package org.raddiag.support.engine;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The self-test accepts the exact head and rejects one off by tanh-approximated-GELU-sized errors. */
class SelfTestTest {

    @Test
    void acceptsTheExactHead() {
        SelfTest.run(new JavaMlp("java", 0));
    }

    @Test
    void rejectsAWrongEngine() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SelfTest.run(new JavaMlp("java", 1e-3)));
        assertTrue(e.getMessage().startsWith("self-test failed: row 0"), e.getMessage());
    }
}
