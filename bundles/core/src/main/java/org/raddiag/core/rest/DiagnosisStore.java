package org.raddiag.core.rest;

import java.util.LinkedHashMap;
import java.util.Map;

/** The most recent diagnoses, least recently used evicted first; thread-safe. */
final class DiagnosisStore {
    private final Map<String, StoredDiagnosis> entries;

    DiagnosisStore(int capacity) {
        int cap = Math.max(1, capacity);
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, StoredDiagnosis> eldest) {
                return size() > cap;
            }
        };
    }

    synchronized void put(StoredDiagnosis d) {
        entries.put(d.id(), d);
    }

    synchronized StoredDiagnosis get(String id) {
        return entries.get(id);
    }

    synchronized int size() {
        return entries.size();
    }
}
