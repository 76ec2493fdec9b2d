package org.raddiag.core.rest;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the REST API and the web page (PID {@code org.raddiag.rest}). */
@ObjectClassDefinition(name = "RadDiag REST API")
public @interface RestConfig {
    @AttributeDefinition(type = AttributeType.PASSWORD,
            description = "Bearer token for POST /api/v1/admin/*; empty disables the admin API (403).")
    String adminToken() default "";

    @AttributeDefinition(description = "Model used when a request names none; empty: the only installed model.")
    String defaultModel() default "";

    @AttributeDefinition(description = "Largest request body in MiB (413 above).")
    int maxRequestMegabytes() default 512;

    @AttributeDefinition(description = "Most files in one case, zip entries included (413 above).")
    int maxFilesPerCase() default 2000;

    @AttributeDefinition(description = "Most bytes a case may inflate to from zips, in MiB (413 above).")
    int maxUncompressedMegabytes() default 2048;

    @AttributeDefinition(description = "Largest inflated/compressed ratio of an uploaded zip (zip-bomb guard).")
    double maxCompressionRatio() default 200;

    @AttributeDefinition(description = "Diagnoses running at once; more requests wait up to queueWaitMillis, then 429.")
    int maxConcurrentDiagnoses() default 2;

    @AttributeDefinition(description = "How long a diagnosis request waits for a free slot before 429.")
    int queueWaitMillis() default 30000;

    @AttributeDefinition(description = "Recent diagnoses kept in memory for GET /diagnoses/{id} and slice images.")
    int storedDiagnoses() default 32;

    @AttributeDefinition(description = "Folder for upload temp folders; empty: java.io.tmpdir.")
    String uploadDir() default "";

    @AttributeDefinition(description = "Web Console user (checked by the raddiag-console security provider).")
    String consoleUser() default "admin";

    @AttributeDefinition(type = AttributeType.PASSWORD,
            description = "Web Console password, plain or {sha-256}BASE64; empty locks the console.")
    String consolePassword() default "";
}
