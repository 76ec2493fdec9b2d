package org.raddiag.engine.pytorch.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the PyTorch engine (PID {@code org.raddiag.engine.pytorch}). Read once, at first start. */
@ObjectClassDefinition(name = "RadDiag PyTorch engine", description = "DJL + PyTorch native engine settings. "
        + "Thread counts apply when the natives first load in this JVM; changing them later needs a restart.")
public @interface PyTorchEngineConfig {
    @AttributeDefinition(description = "Intra-op threads (OpenMP). 0 (the default) = every core of this machine, so"
            + " one diagnosis or training step uses the whole CPU; a server running many requests side by side may"
            + " prefer 1.")
    int intraOpThreads() default 0;

    @AttributeDefinition(description = "Inter-op threads. 0 = PyTorch default.")
    int interOpThreads() default 1;

    @AttributeDefinition(description = "Use a CUDA device when the loaded natives and the machine have one.")
    boolean useCuda() default true;
}
