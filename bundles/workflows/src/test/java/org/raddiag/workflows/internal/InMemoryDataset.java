package org.raddiag.workflows.internal;

import java.util.List;
import java.util.Map;
import org.raddiag.api.data.Case;
import org.raddiag.api.data.LabelSet;
import org.raddiag.api.train.DatasetSource;

/** A dataset of label-only cases (no scans), for tests of what workflows do with label sets. */
record InMemoryDataset(LabelSet labels, Map<String, List<String>> caseLabels) implements DatasetSource {
    @Override
    public String name() {
        return "in-memory";
    }

    @Override
    public List<String> caseIds(Split split) {
        return List.copyOf(caseLabels.keySet());
    }

    @Override
    public Case load(String caseId) {
        return new Case(caseId, List.of(), caseLabels.get(caseId));
    }
}
