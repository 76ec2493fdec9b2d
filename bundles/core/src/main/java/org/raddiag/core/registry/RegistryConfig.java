package org.raddiag.core.registry;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the model registry (PID {@code org.raddiag.registry}). */
@ObjectClassDefinition(name = "RadDiag model registry")
public @interface RegistryConfig {
    @AttributeDefinition(description = "Folder holding installed packages as <name>/<version>/. Empty: "
            + "${raddiag.home}/models, or ./models when the raddiag.home system property is not set.")
    String folder() default "";
}
