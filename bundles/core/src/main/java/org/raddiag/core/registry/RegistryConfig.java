package org.raddiag.core.registry;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the model registry (PID {@code org.raddiag.registry}). */
@ObjectClassDefinition(name = "RadDiag model registry")
public @interface RegistryConfig {
    @AttributeDefinition(description = "Folder holding installed packages as <name>/<version>/. Empty: models/ in "
            + "the RadDiag home (raddiag.home, RADDIAG_HOME, $XDG_DATA_HOME/raddiag or ~/.raddiag).")
    String folder() default "";
}
