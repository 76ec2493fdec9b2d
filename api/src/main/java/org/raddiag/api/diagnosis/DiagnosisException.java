package org.raddiag.api.diagnosis;

/** A case could not be diagnosed; the message says which and why. */
public class DiagnosisException extends Exception {
    private static final long serialVersionUID = 1L;

    public DiagnosisException(String message) {
        super(message);
    }

    public DiagnosisException(String message, Throwable cause) {
        super(message, cause);
    }
}
