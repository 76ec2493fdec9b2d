package org.raddiag.checkpoint.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes of a pickle and the read position, for {@link RestrictedUnpickler}: the encodings of opcode arguments
 * (little-endian integers, big-endian doubles, strings, two's-complement longs), every length checked against what
 * is left, so a malformed pickle is refused, never read past its end.
 */
final class PickleInput {
    private final byte[] data;
    private final String source;
    private int pos;

    PickleInput(byte[] data, String source) {
        this.data = data;
        this.source = source;
    }

    /** Offset of the next byte. */
    int position() {
        return pos;
    }

    int u8() {
        if (pos >= data.length) {
            throw refuse("unexpected end of pickle");
        }
        return data[pos++] & 0xff;
    }

    int s32() {
        return u8() | (u8() << 8) | (u8() << 16) | (u8() << 24);
    }

    long s64() {
        long lo = s32() & 0xffffffffL;
        long hi = s32() & 0xffffffffL;
        return lo | (hi << 32);
    }

    long beLong() {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | u8();
        }
        return v;
    }

    int length(long n) {
        if (n < 0 || n > data.length - pos) {
            throw refuse("length " + n + " runs past the end of the pickle");
        }
        return (int) n;
    }

    void skip(int n) {
        pos += length(n);
    }

    byte[] bytes(int n) {
        length(n);
        byte[] b = Arrays.copyOfRange(data, pos, pos + n);
        pos += n;
        return b;
    }

    String utf8(int n) {
        return new String(bytes(n), StandardCharsets.UTF_8);
    }

    String latin1(int n) {
        return new String(bytes(n), StandardCharsets.ISO_8859_1);
    }

    Object longBytes(int n) {
        byte[] le = bytes(n);
        if (n == 0) {
            return 0L;
        }
        byte[] be = new byte[n];
        for (int i = 0; i < n; i++) {
            be[i] = le[n - 1 - i];
        }
        BigInteger v = new BigInteger(be);
        return v.bitLength() < 64 ? (Object) v.longValue() : v;
    }

    String line() {
        int start = pos;
        while (pos < data.length && data[pos] != '\n') {
            pos++;
        }
        if (pos >= data.length) {
            throw refuse("unterminated GLOBAL");
        }
        return new String(data, start, pos++ - start, StandardCharsets.UTF_8);
    }

    /** The error for {@code what}, naming the pickle's source. */
    PickleRefusedException refuse(String what) {
        return new PickleRefusedException(source + ": " + what);
    }
}
