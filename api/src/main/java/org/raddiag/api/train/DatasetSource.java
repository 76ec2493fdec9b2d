package org.raddiag.api.train;

import java.io.IOException;
import java.util.List;
import org.raddiag.api.data.Case;
import org.raddiag.api.data.LabelSet;

/** A dataset of labelled cases split into train/validation/test ({@code raddiag.kind=dataset}). */
public interface DatasetSource {
    /** Dataset split. */
    enum Split { TRAIN, VALIDATION, TEST }

    String name();

    LabelSet labels();

    /** Case identifiers of a split, in a deterministic order. */
    List<String> caseIds(Split split) throws IOException;

    /** Loads one case with its scans and labels. */
    Case load(String caseId) throws IOException;
}
