package org.raddiag.support.files;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An input stream that fails with {@link TooLarge} once more than a limit was read from it, so a request body is
 * refused while it streams (to disk), never after it was taken in whole.
 */
public final class LimitedInputStream extends FilterInputStream {
    private final long max;
    private long n;

    public LimitedInputStream(InputStream in, long max) {
        super(in);
        this.max = max;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        count(c < 0 ? 0 : 1);
        return c;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int r = super.read(b, off, len);
        count(Math.max(r, 0));
        return r;
    }

    private void count(int r) throws IOException {
        n += r;
        if (n > max) {
            throw new TooLarge(max);
        }
    }

    /** Thrown by the stream when more than its limit was read (for HTTP: 413). */
    public static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        public TooLarge(long max) {
            super("request body exceeds " + max + " bytes");
        }
    }
}
