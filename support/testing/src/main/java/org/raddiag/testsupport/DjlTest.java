package org.raddiag.testsupport;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the tests that run DJL blocks: a fresh {@link NDManager} per test, closed after it (so a test leaks no
 * native memory into the next), an inference {@link ParameterStore} on it and, when given, the engine's random seed
 * set before each test so that random inputs and initial weights repeat. The test's own {@code @BeforeEach} methods
 * run after this one's.
 */
public abstract class DjlTest {
    private final Integer seed;
    protected NDManager manager;
    protected ParameterStore ps;

    /** Without a random seed. */
    protected DjlTest() {
        this.seed = null;
    }

    /** With the engine's random seed {@code seed} before each test. */
    protected DjlTest(int seed) {
        this.seed = seed;
    }

    @BeforeEach
    final void openDjl() {
        manager = NDManager.newBaseManager();
        if (seed != null) {
            manager.getEngine().setRandomSeed(seed);
        }
        ps = new ParameterStore(manager, false);
    }

    @AfterEach
    final void closeDjl() {
        manager.close();
    }
}
