package org.raddiag.core.diagnosis;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the diagnosis service (PID {@code org.raddiag.diagnosis}). */
@ObjectClassDefinition(name = "RadDiag diagnosis service")
public @interface DiagnosisConfig {
    @AttributeDefinition(description = "Backend used when a request names none (pytorch, onnxruntime).")
    String defaultBackend() default "pytorch";

    @AttributeDefinition(description = "Most cases per forward pass when concurrent diagnoses of the same model and "
            + "backend are batched; 1 turns batching off.")
    int batchMaxCases() default 8;

    @AttributeDefinition(description = "Longest a batch waits for more requests after its first one, in ms (it "
            + "leaves earlier when full, or at once when no other diagnosis of that model is being prepared or run).")
    double batchMaxWaitMillis() default 5;

    @AttributeDefinition(description = "Backends whose forward passes are batched, also as one comma-separated value "
            + "(onnxruntime runs a batch case by case, so it gains nothing).")
    String[] batchBackends() default {"pytorch"};

    @AttributeDefinition(description = "Longest a diagnosis waits, in ms, for the runner of a backend whose engine is "
            + "still starting (loading its natives); backends without an engine, or whose engine failed, are not waited "
            + "for.")
    long engineWaitMillis() default 60_000;
}
