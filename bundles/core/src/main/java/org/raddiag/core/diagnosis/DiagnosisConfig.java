package org.raddiag.core.diagnosis;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the diagnosis service (PID {@code org.raddiag.diagnosis}). */
@ObjectClassDefinition(name = "RadDiag diagnosis service")
public @interface DiagnosisConfig {
    @AttributeDefinition(description = "Backend used when a request names none (pytorch, onnxruntime).")
    String defaultBackend() default "pytorch";
}
