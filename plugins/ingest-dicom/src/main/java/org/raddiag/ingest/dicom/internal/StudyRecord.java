package org.raddiag.ingest.dicom.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Instant;

/**
 * One study's state, as kept in memory and persisted as {@code studies/STUDY.json}. Mutated only under the
 * tracker's lock.
 */
final class StudyRecord {
    final String uid;
    StudyState state = StudyState.RECEIVING;
    String reason;
    int instances;
    int series;
    long received;
    long updated;
    long lastInstance;
    String model;
    int diagnosedInstances = -1;
    JsonObject diagnosis;
    /** SOP Instance UID of the structured report of the diagnosis, or null. */
    String reportSop;
    // not persisted
    boolean queued;
    boolean dirty;
    long retryAt;

    StudyRecord(String uid) {
        this.uid = uid;
    }

    /** The summary shown in the study list. */
    JsonObject summary() {
        JsonObject o = new JsonObject();
        o.addProperty("studyUid", uid);
        o.addProperty("state", state.name());
        o.addProperty("reason", reason);
        o.addProperty("instances", instances);
        o.addProperty("series", series);
        o.addProperty("received", time(received));
        o.addProperty("updated", time(updated));
        o.addProperty("lastInstance", time(lastInstance));
        o.addProperty("model", model);
        return o;
    }

    /** Everything, as persisted. */
    JsonObject toJson() {
        JsonObject o = summary();
        o.addProperty("format", 1);
        o.addProperty("diagnosedInstances", diagnosedInstances);
        o.add("diagnosis", diagnosis);
        o.addProperty("reportSop", reportSop);
        return o;
    }

    /** A record read back from its JSON; unknown or broken fields fall back to defaults. */
    static StudyRecord fromJson(String uid, JsonObject o) {
        StudyRecord r = new StudyRecord(uid);
        try {
            r.state = StudyState.valueOf(string(o, "state", "RECEIVING"));
        } catch (IllegalArgumentException e) {
            r.state = StudyState.RECEIVING;
        }
        r.reason = string(o, "reason", null);
        r.model = string(o, "model", null);
        r.reportSop = string(o, "reportSop", null);
        r.instances = integer(o, "instances", 0);
        r.series = integer(o, "series", 0);
        r.diagnosedInstances = integer(o, "diagnosedInstances", -1);
        r.received = millis(o, "received");
        r.updated = millis(o, "updated");
        r.lastInstance = millis(o, "lastInstance");
        JsonElement d = o.get("diagnosis");
        r.diagnosis = d != null && d.isJsonObject() ? d.getAsJsonObject() : null;
        return r;
    }

    /** An epoch-millisecond time as ISO-8601, or null for none (shared with the outbox state). */
    static String time(long ms) {
        return ms <= 0 ? null : Instant.ofEpochMilli(ms).toString();
    }

    static String string(JsonObject o, String k, String def) {
        JsonElement e = o.get(k);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : def;
    }

    static int integer(JsonObject o, String k, int def) {
        try {
            JsonElement e = o.get(k);
            return e != null && e.isJsonPrimitive() ? e.getAsInt() : def;
        } catch (NumberFormatException e) {
            return def;
        }
    }

    static long millis(JsonObject o, String k) {
        String s = string(o, k, null);
        try {
            return s == null ? 0 : Instant.parse(s).toEpochMilli();
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
