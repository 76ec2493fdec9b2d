package org.raddiag.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raddiag.checkpoint.Checksums;

/** The recorded weights checksum is reused only while the file's size and modification time are unchanged. */
class RecordedChecksumTest {
    @TempDir
    Path dir;

    @Test
    void recordedOnceReusedAndRecomputedWhenTheFileChanges() throws IOException {
        Path w = dir.resolve("weights.safetensors");
        Files.write(w, new byte[] {1, 2, 3, 4});
        String first = RecordedChecksum.sha256(w);
        assertEquals(Checksums.sha256(w), first);
        Path record = dir.resolve(".weights.safetensors.sha256");
        assertTrue(Files.exists(record), "recorded beside the file, hidden");

        // a forged record for the current stamp is believed: it is what saves the hashing on the next start
        String stamp = Files.readString(record).split(" ")[0];
        Files.writeString(record, stamp + " " + "0".repeat(64) + "\n");
        assertEquals("0".repeat(64), RecordedChecksum.sha256(w));

        // same size, other bytes, new modification time: computed again
        Files.write(w, new byte[] {4, 3, 2, 1});
        Files.setLastModifiedTime(w, FileTime.fromMillis(Files.getLastModifiedTime(w).toMillis() + 5_000));
        String again = RecordedChecksum.sha256(w);
        assertEquals(Checksums.sha256(w), again);
        assertNotEquals(first, again);

        // a garbled record is ignored
        Files.writeString(record, "garbage");
        assertEquals(Checksums.sha256(w), RecordedChecksum.sha256(w));
    }
}
