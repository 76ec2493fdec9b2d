package org.raddiag.engine.onnxruntime.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the ONNX Runtime engine (PID {@value OrtEngineComponent#PID}). */
@ObjectClassDefinition(name = "RadDiag ONNX Runtime engine",
        description = "Threads and device of the long-lived ONNX Runtime engine.")
@interface OrtEngineConfig {
    @AttributeDefinition(name = "Intra-op threads", min = "0",
            description = "Threads inside one operator; 0 (the default) = every core of this machine.")
    int intraOpThreads() default 0;

    @AttributeDefinition(name = "Inter-op threads", min = "1", description = "Threads across operators.")
    int interOpThreads() default 1;

    @AttributeDefinition(name = "Use CUDA",
            description = "Use the CUDA execution provider when this ONNX Runtime build has it; else CPU.")
    boolean useCuda() default true;

    @AttributeDefinition(name = "Clean stale native folders",
            description = "Delete onnxruntime-java* temp folders that crashed JVMs left behind.")
    boolean cleanStaleTempDirs() default true;

    @AttributeDefinition(name = "Minimum age of a stale folder (minutes)", min = "1")
    int staleTempMinAgeMinutes() default 60;
}
