package org.raddiag.ingest.dicom.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.support.files.DurableFiles;

class StudyTrackerTest {
    static final String A = "1.2.826.0.1.3680043.9.7433.10";
    static final String B = "1.2.826.0.1.3680043.9.7433.20";
    static final String C = "1.2.826.0.1.3680043.9.7433.30";
    static final String D = "1.2.826.0.1.3680043.9.7433.40";
    static final long QUIET = 5000;

    @TempDir
    Path tmp;
    InstanceStore store;
    final AtomicLong now = new AtomicLong(1_000_000);
    final List<String> diagnosed = new ArrayList<>();
    /** What the fake diagnosis does next: null = succeed. */
    Exception next;
    Runnable during;

    final StudyDiagnosis fake = new StudyDiagnosis() {
        @Override
        public Outcome diagnose(String studyUid) throws Exception {
            diagnosed.add(studyUid);
            if (during != null) {
                during.run();
            }
            if (next != null) {
                throw next;
            }
            JsonObject o = new JsonObject();
            o.addProperty("case", "study-" + Uids.hash(studyUid));
            o.add("findings", new com.google.gson.JsonArray());
            return new Outcome(o, "tiny:1.0.0");
        }

        @Override
        public String plannedModel() {
            return "tiny";
        }
    };

    @BeforeEach
    void open() throws Exception {
        store = new InstanceStore(tmp.resolve("store"));
        store.open();
    }

    StudyTracker tracker() {
        return new StudyTracker(store, fake, QUIET, Runnable::run, now::get);
    }

    @Test
    void aStudyIsDiagnosedOnceNoInstanceCameForTheQuietPeriod() throws Exception {
        StudyTracker t = tracker();
        receive(t, A, "1.2.3.1.1", 1);
        now.addAndGet(QUIET - 1);
        receive(t, A, "1.2.3.1.2", 2);
        t.tick();
        assertEquals(StudyState.RECEIVING, t.state(A));
        now.addAndGet(QUIET - 1);
        t.tick();
        assertEquals(StudyState.RECEIVING, t.state(A), "the quiet period restarts with each instance");
        now.addAndGet(1);
        t.tick();
        assertEquals(StudyState.DONE, t.state(A));
        assertEquals(List.of(A), diagnosed);
        JsonObject saved = saved(A);
        assertEquals("DONE", saved.get("state").getAsString());
        assertEquals(2, saved.get("instances").getAsInt());
        assertEquals(2, saved.get("diagnosedInstances").getAsInt());
        assertEquals("tiny:1.0.0", saved.get("model").getAsString());
        assertTrue(saved.getAsJsonObject("diagnosis").has("findings"));
        JsonObject view = t.get(A);
        assertEquals(2, view.getAsJsonArray("seriesList").get(0).getAsJsonObject().get("instances").getAsInt());
        t.tick();
        assertEquals(1, diagnosed.size(), "diagnosed once");
    }

    @Test
    void recoveryRequeuesEveryStudyWhoseInstancesAreNotAllDiagnosed() throws Exception {
        // A: diagnosed with both its instances -> stays DONE
        store(A, 2);
        DurableFiles.write(store.stateFile(A), state("DONE", 2, 2));
        // B: crashed while receiving
        store(B, 3);
        DurableFiles.write(store.stateFile(B), state("RECEIVING", 3, -1));
        // C: crashed before its first state was written
        store(C, 1);
        // D: diagnosed, then one more instance came before the crash
        store(D, 2);
        DurableFiles.write(store.stateFile(D), state("DONE", 1, 1));
        StudyTracker t = tracker();
        t.recover();
        assertEquals(StudyState.DONE, t.state(A));
        assertEquals(StudyState.PENDING, t.state(B));
        assertEquals(StudyState.PENDING, t.state(C));
        assertEquals(StudyState.PENDING, t.state(D));
        assertEquals("PENDING", saved(C).get("state").getAsString(), "the new state is on disk at once");
        t.tick();
        assertEquals(List.of(B, C, D), diagnosed.stream().sorted().toList());
        for (String s : new String[] {A, B, C, D}) {
            assertEquals(StudyState.DONE, t.state(s), s);
        }
        assertEquals(2, saved(D).get("diagnosedInstances").getAsInt());
        assertEquals(4, t.list().size());
    }

    @Test
    void waitsWhileTheRuntimeIsNotReadyAndFailsWithAReasonWithoutUids() throws Exception {
        StudyTracker t = tracker();
        receive(t, A, "1.2.3.1.1", 1);
        now.addAndGet(QUIET);
        next = new StudyDiagnosis.NotReady("no model installed");
        t.tick();
        assertEquals(StudyState.PENDING, t.state(A));
        assertEquals("no model installed", saved(A).get("reason").getAsString());
        t.tick();
        assertEquals(1, diagnosed.size(), "retried only after a pause");
        now.addAndGet(StudyTracker.WAITING.delay(1));
        next = new java.io.IOException("cannot read " + store.studyDir(A) + "/x.dcm");
        t.tick();
        assertEquals(StudyState.FAILED, t.state(A));
        String reason = saved(A).get("reason").getAsString();
        assertFalse(reason.contains(A), reason);
        assertTrue(reason.contains("cannot read"), reason);
    }

    @Test
    void anInstanceArrivingDuringTheDiagnosisSendsTheStudyBackToReceiving() throws Exception {
        StudyTracker t = tracker();
        receive(t, A, "1.2.3.1.1", 1);
        now.addAndGet(QUIET);
        during = () -> {
            receive(t, A, "1.2.3.1.2", 2);
            during = null;
        };
        t.tick();
        assertEquals(StudyState.RECEIVING, t.state(A));
        assertNotNull(saved(A).get("diagnosis"));
        now.addAndGet(QUIET);
        t.tick();
        assertEquals(StudyState.DONE, t.state(A));
        assertEquals(2, saved(A).get("diagnosedInstances").getAsInt());
        assertEquals(2, diagnosed.size());
    }

    private void receive(StudyTracker t, String study, String sop, int k) {
        try {
            InstanceIds ids = new InstanceIds(study, study + ".1", sop, TestFiles.CT_IMAGE_STORAGE);
            Path f = Files.writeString(store.incoming.resolve("r" + k + sop + ".part"), "x");
            t.received(ids, store.commit(f, ids));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void store(String study, int instances) throws Exception {
        for (int i = 1; i <= instances; i++) {
            InstanceIds ids = new InstanceIds(study, study + ".1", study + ".1." + i, TestFiles.CT_IMAGE_STORAGE);
            store.commit(Files.writeString(store.incoming.resolve("s" + i + ".part"), "x"), ids);
        }
    }

    private static byte[] state(String state, int instances, int diagnosed) {
        return ("{\"state\":\"" + state + "\",\"instances\":" + instances + ",\"diagnosedInstances\":" + diagnosed
                + ",\"received\":\"2024-01-01T00:00:00Z\"}").getBytes();
    }

    private JsonObject saved(String study) throws Exception {
        return JsonParser.parseString(Files.readString(store.stateFile(study))).getAsJsonObject();
    }
}
