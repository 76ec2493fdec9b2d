package org.raddiag.ingest.dicom.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the DICOM network ingest (PID {@code org.raddiag.ingest.dicom}). */
@ObjectClassDefinition(name = "RadDiag DICOM network ingest",
        description = "C-STORE SCP that stores, groups and diagnoses incoming studies (serve and shell only).")
public @interface IngestConfig {
    @AttributeDefinition(description = "Run the C-STORE SCP (only where the HTTP server runs: serve and the shell).")
    boolean enabled() default true;

    @AttributeDefinition(description = "Address the SCP listens on; 127.0.0.1 = loopback only, 0.0.0.0 = all interfaces.")
    String address() default "127.0.0.1";

    @AttributeDefinition(description = "TCP port; 0 = any free port (logged and shown in GET /api/v1/studies); "
            + "-1 = the system property raddiag.dicom.port (JAVA_OPTS=-Draddiag.dicom.port=N), else 11112.")
    int port() default -1;

    @AttributeDefinition(description = "Our AE title (up to 16 characters).")
    String aeTitle() default "RADDIAG";

    @AttributeDefinition(description = "Folder of received studies and their state; empty: work/dicom-ingest in the RadDiag home (RADDIAG_HOME, default ~/.raddiag).")
    String storeDir() default "";

    @AttributeDefinition(description = "A study is complete (and diagnosed) when no instance came for this many seconds.")
    int quietPeriodSeconds() default 30;

    @AttributeDefinition(description = "Model name[:version]; empty: defaultModel of org.raddiag.rest, else the only "
            + "installed model.")
    String model() default "";

    @AttributeDefinition(description = "Findings kept per study diagnosis, highest first (0 = all classes).")
    int topFindings() default 10;

    @AttributeDefinition(description = "Associations served at once (PixelMed keeps a released association 5 s "
            + "longer, waiting for the peer to close); more connections are closed at once, unacknowledged.")
    int maxAssociations() default 16;

    @AttributeDefinition(description = "Where structured reports of diagnoses go by C-STORE: host name or address; "
            + "empty (the default) = nowhere, reports wait in the outbox.")
    String destinationHost() default "";

    @AttributeDefinition(description = "Port of the report destination.")
    int destinationPort() default 104;

    @AttributeDefinition(description = "Called AE title of the report destination (up to 16 characters).")
    String destinationAeTitle() default "";

    @AttributeDefinition(description = "Instead of C-STORE: the DICOMweb root URL reports go to by STOW-RS (POST "
            + "{url}/studies), e.g. http://pacs:8042/dicom-web; empty (the default) = none.")
    String destinationStowUrl() default "";

    @AttributeDefinition(description = "User for HTTP basic authentication at the STOW-RS destination (optional).")
    String destinationStowUser() default "";

    @AttributeDefinition(type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD,
            description = "Password for HTTP basic authentication at the STOW-RS destination.")
    String destinationStowPassword() default "";

    @AttributeDefinition(description = "Bearer token for the STOW-RS destination (optional; not with a user).")
    String destinationStowToken() default "";

    @AttributeDefinition(description = "First retry of a report the destination did not acknowledge after this many "
            + "seconds, doubled after each failure.")
    int retryInitialSeconds() default 5;

    @AttributeDefinition(description = "Longest wait between two attempts to send a report, in seconds.")
    int retryMaxSeconds() default 600;

    @AttributeDefinition(description = "Largest STOW-RS request body (POST /dicomweb/studies) in MiB; larger ones get "
            + "413 and nothing of them is stored.")
    int stowMaxMegabytes() default 1024;
}
