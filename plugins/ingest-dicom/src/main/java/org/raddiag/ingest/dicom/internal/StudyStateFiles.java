package org.raddiag.ingest.dicom.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.raddiag.support.files.DurableFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The studies' state on disk ({@code studies/STUDY.json}, {@link InstanceStore#stateFile}): read once at start,
 * replaced atomically at every state change, so the {@link StudyTracker} survives kill -9.
 */
final class StudyStateFiles {
    private static final Logger LOG = LoggerFactory.getLogger(StudyStateFiles.class);
    private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping()
            .serializeSpecialFloatingPointValues().create();
    private final InstanceStore store;

    StudyStateFiles(InstanceStore store) {
        this.store = store;
    }

    /** The stored state of a study; a new record when it has none or it is unreadable (logged). */
    StudyRecord load(String uid) {
        Path f = store.stateFile(uid);
        if (Files.isRegularFile(f)) {
            try {
                return StudyRecord.fromJson(uid, JsonParser.parseString(Files.readString(f, StandardCharsets.UTF_8))
                        .getAsJsonObject());
            } catch (IOException | RuntimeException e) {
                LOG.warn("study {}: unreadable state file, starting over: {}", Uids.hash(uid),
                        Uids.redact(e.toString()));
            }
        }
        return new StudyRecord(uid);
    }

    /** Writes the record atomically; a failure is logged (the instances themselves are already durable). */
    void persist(StudyRecord r) {
        try {
            DurableFiles.write(store.stateFile(r.uid), GSON.toJson(r.toJson()).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.warn("study {}: could not write its state: {}", Uids.hash(r.uid), Uids.redact(e.toString()));
        }
    }
}
