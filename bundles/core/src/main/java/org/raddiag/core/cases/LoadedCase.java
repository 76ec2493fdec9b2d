package org.raddiag.core.cases;

import java.util.List;
import org.raddiag.api.data.Case;
import org.raddiag.api.io.ReadException;

/**
 * A case as far as it could be read, plus one problem per file that could not be (each naming the file and the
 * reason). Samples whose scans all failed are left out of the case.
 */
public final class LoadedCase {
    private final Case value;
    private final List<ReadException> problems;

    public LoadedCase(Case value, List<ReadException> problems) {
        this.value = value;
        this.problems = List.copyOf(problems);
    }

    public Case value() {
        return value;
    }

    public List<ReadException> problems() {
        return problems;
    }

    public boolean complete() {
        return problems.isEmpty();
    }
}
