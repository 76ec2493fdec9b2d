package org.raddiag.spark;

import java.io.Serializable;

/**
 * What every executor needs to build its pipeline: the model package as given on the command line, the backend,
 * the threads per task ({@code spark.task.cpus}) and the RP3D label level.
 */
public record JobSettings(String model, String backend, int threads, String level) implements Serializable {
    /** The key of the pipeline this job uses in an executor JVM. */
    String pipelineKey() {
        return model + "|" + backend + "|" + threads + "|" + level;
    }
}
