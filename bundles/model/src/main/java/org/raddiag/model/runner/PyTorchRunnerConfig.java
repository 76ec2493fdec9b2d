package org.raddiag.model.runner;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the PyTorch model runner (PID {@code org.raddiag.runner.pytorch}). */
@ObjectClassDefinition(name = "RadDiag PyTorch model runner")
public @interface PyTorchRunnerConfig {
    @AttributeDefinition(description = "How long (ms) a model load waits for a backbone or head plugin it names to be "
            + "installed, e.g. while that plugin's bundle is updated or reinstalled, before it fails. 0 = fail at once.",
            min = "0")
    long componentWaitMillis() default 10_000;
}
