package org.raddiag.ingest.dicom.internal;

/** Where reports go by C-STORE: host, port and called AE title (our AE title calls). */
record Destination(String host, int port, String calledAeTitle) {
    @Override
    public String toString() {
        return calledAeTitle + "@" + host + ":" + port;
    }
}
