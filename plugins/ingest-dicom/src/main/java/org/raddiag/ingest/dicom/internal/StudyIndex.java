package org.raddiag.ingest.dicom.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;

/** What the REST servlet shows: the ingest's own state, the studies, one study. */
interface StudyIndex {
    /** Whether the SCP runs (and why not), where it listens, its AE title, quiet period and counters. */
    JsonObject ingest();

    /** Study summaries, most recently received first (empty when the ingest does not run). */
    JsonArray studies();

    /** One study with its series and diagnosis, or null when unknown. */
    JsonObject study(String studyUid) throws IOException;

    /** The structured report of the study's diagnosis (a Part 10 file), or null when it has none. */
    Path report(String studyUid);
}
