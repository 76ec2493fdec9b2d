package org.raddiag.model.blocks;

import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.raddiag.support.files.DurableFiles;

/**
 * PyTorch's operator profiler for the calling thread, around a stretch of work: which ATen ops and oneDNN primitives
 * a step spends its time in, written as a Chrome trace ({@code chrome://tracing}, Perfetto). Why: timings by phase
 * say where a step is slow only coarsely, and an engine's profile is what a user would compare against the anchors'
 * {@code torch.profiler}. The profiler records shapes, costs a few percent, and is off unless started.
 */
public final class OpProfile implements AutoCloseable {
    private static OpProfile running;
    private boolean open = true;

    private OpProfile() {
    }

    /** Starts profiling the operators that this thread (and the intra-op threads it forks) runs. One at a time. */
    public static synchronized OpProfile start() {
        if (running != null) {
            throw new IllegalStateException("an operator profile is already running");
        }
        JniUtils.startProfile(false, true, false);
        running = new OpProfile();
        return running;
    }

    /** Stops the profile and writes its trace to {@code target} durably (a temporary file, then a rename). */
    public void writeTo(Path target) throws IOException {
        stop(target);
    }

    /** Stops the profile and drops it, if {@link #writeTo} has not. */
    @Override
    public void close() throws IOException {
        if (open) {
            stop(null);
        }
    }

    private void stop(Path target) throws IOException {
        synchronized (OpProfile.class) {
            if (!open) {
                throw new IllegalStateException("the operator profile has stopped already");
            }
            open = false;
            running = null;
        }
        if (target == null) {
            Path drop = Files.createTempFile("raddiag-profile-", ".json");
            try {
                JniUtils.stopProfile(drop.toString());
            } finally {
                Files.deleteIfExists(drop);
            }
            return;
        }
        DurableFiles.writeFile(target, DurableFiles.Existing.REPLACE, tmp -> JniUtils.stopProfile(tmp.toString()));
    }
}
