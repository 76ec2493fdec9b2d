package org.raddiag.ingest.dicom.internal;

import java.net.URI;

/** Where reports go: by C-STORE to an AE (our AE title calls), or by STOW-RS to a DICOMweb server. */
sealed interface Destination {
    /** A DICOM AE: host, port and called AE title. */
    record CStore(String host, int port, String calledAeTitle) implements Destination {
        @Override
        public String toString() {
            return calledAeTitle + "@" + host + ":" + port;
        }
    }

    /**
     * A STOW-RS endpoint ({@code .../studies}) with the value of the Authorization header (null: none); the
     * credentials never appear in {@link #toString} (shown in the outbox state and /api/v1/studies).
     */
    record Stow(URI studies, String authorization) implements Destination {
        @Override
        public String toString() {
            return "STOW-RS " + studies;
        }
    }
}
