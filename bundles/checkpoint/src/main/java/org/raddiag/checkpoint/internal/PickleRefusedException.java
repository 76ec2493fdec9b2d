package org.raddiag.checkpoint.internal;

/** The pickle is malformed or asks for something the restricted unpickler does not allow. */
public final class PickleRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PickleRefusedException(String message) {
        super(message);
    }
}
