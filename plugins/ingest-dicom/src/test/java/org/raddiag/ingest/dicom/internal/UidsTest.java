package org.raddiag.ingest.dicom.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UidsTest {
    @Test
    void acceptsDigitsInDotSeparatedComponentsOnly() {
        assertTrue(Uids.valid("1.2.840.10008.5.1.4.1.1.2"));
        assertTrue(Uids.valid("2.25.329800735698586629295641978511506172918"));
        assertTrue(Uids.valid("1"));
        for (String bad : new String[] {null, "", ".", "..", "../../etc/passwd", "1..2", ".1.2", "1.2.", "1.2.a",
                "1.2 3", "1/2", "1\\2", "1.2\0", "-1.2", "1.2.3\n", "１.２"}) {
            assertFalse(Uids.valid(bad), String.valueOf(bad));
        }
        assertTrue(Uids.valid("1." + "2".repeat(62)));
        assertFalse(Uids.valid("1." + "2".repeat(63)), "longer than 64 characters");
    }

    @Test
    void requireNamesTheAttributeButNeverTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Uids.require("StudyInstanceUID", "../../secret"));
        assertTrue(e.getMessage().contains("StudyInstanceUID"));
        assertFalse(e.getMessage().contains("secret"));
    }

    @Test
    void cleanDropsUiPadding() {
        assertEquals("1.2.3", Uids.clean("1.2.3\0"));
        assertEquals("1.2.34", Uids.clean("1.2.34 "));
        assertEquals(null, Uids.clean(null));
    }

    @Test
    void hashIsShortStableAndNotTheUid() {
        String h = Uids.hash("1.2.826.0.1.3680043.9.7433.2");
        assertEquals(12, h.length());
        assertEquals(h, Uids.hash("1.2.826.0.1.3680043.9.7433.2"));
        assertNotEquals(h, Uids.hash("1.2.826.0.1.3680043.9.7433.3"));
        assertTrue(h.matches("[0-9a-f]{12}"));
    }

    @Test
    void redactReplacesUidsInMessagesButKeepsAddressesAndVersions() {
        String m = Uids.redact("cannot read /store/studies/1.2.826.0.1.3680043.9.7433.2/x.dcm from 127.0.0.1 v1.0.0");
        assertFalse(m.contains("1.2.826.0.1.3680043.9.7433.2"), m);
        assertTrue(m.contains("uid#" + Uids.hash("1.2.826.0.1.3680043.9.7433.2")), m);
        assertTrue(m.contains("127.0.0.1") && m.contains("v1.0.0"), m);
    }
}
