package org.raddiag.checkpoint;

import java.io.IOException;

/** A checkpoint file is malformed, unsupported or unsafe to load. The message names the file. */
public class CheckpointException extends IOException {
    private static final long serialVersionUID = 1L;

    public CheckpointException(String message) {
        super(message);
    }

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
