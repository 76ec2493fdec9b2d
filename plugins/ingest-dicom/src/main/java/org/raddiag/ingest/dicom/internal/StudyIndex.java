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

    /**
     * Where STOW-RS parts are received (in the store's file system, so a stored part is renamed, not copied), with
     * the body size limit; null when the ingest does not run.
     */
    Stow stow();

    /** The stored instances and reports for QIDO-RS and WADO-RS; null when the ingest does not run. */
    Archive archive();

    /** The STOW-RS entry into the store, with the C-STORE rules. */
    interface Stow {
        Path incoming();

        long maxBytes();

        /**
         * Stores a received Part 10 file durably (or refuses it, deleting it) as a C-STORE would be.
         *
         * @return the stored instance, never null
         * @throws Exception with the reason the instance was refused
         */
        InstanceIds store(Path file) throws Exception;
    }
}
