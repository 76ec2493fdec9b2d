package org.raddiag.workflows.internal;

import java.io.IOException;
import java.util.List;
import java.util.function.UnaryOperator;
import org.raddiag.api.data.Case;
import org.raddiag.api.data.LabelSet;
import org.raddiag.api.train.DatasetSource;

/**
 * A dataset under another label set: the same cases and splits, each case passed through {@code relabel} as it is
 * loaded. What the ICD-10 level ({@link IcdLevel#dataset}) and withheld labels ({@link WithheldLabels}) make of a
 * dataset; labels of a case that are not in {@code labels} are ignored downstream, as everywhere.
 */
record Relabelled(DatasetSource data, String name, LabelSet labels, UnaryOperator<Case> relabel)
        implements DatasetSource {
    @Override
    public List<String> caseIds(Split split) throws IOException {
        return data.caseIds(split);
    }

    @Override
    public Case load(String caseId) throws IOException {
        return relabel.apply(data.load(caseId));
    }
}
