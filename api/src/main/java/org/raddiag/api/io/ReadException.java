package org.raddiag.api.io;

import java.nio.file.Path;

/** A file could not be read. The message names the file and the reason; {@link #reason()} classifies it. */
public class ReadException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why a file was refused. */
    public enum Reason {
        /** No such file or not readable. */
        NOT_FOUND,
        /** Not the format the reader handles. */
        WRONG_FORMAT,
        /** Ends before its header or data says it should. */
        TRUNCATED,
        /** Header or data inconsistent or invalid. */
        CORRUPT,
        /** Valid file using a feature or encoding that is not supported. */
        UNSUPPORTED,
        /** Larger than the configured limits. */
        TOO_LARGE,
        /** An I/O error while reading. */
        IO
    }

    private final transient Path file;
    private final Reason reason;

    public ReadException(Path file, Reason reason, String detail) {
        this(file, reason, detail, null);
    }

    public ReadException(Path file, Reason reason, String detail, Throwable cause) {
        super(file + ": " + detail + " [" + reason + "]", cause);
        this.file = file;
        this.reason = reason;
    }

    public Path file() {
        return file;
    }

    public Reason reason() {
        return reason;
    }
}
