package org.raddiag.checkpoint.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Emits pickle protocol 2 opcodes as CPython's pickler would for the few value kinds a torch state dict needs:
 * globals, unicode strings, integers, tuples, {@code False}, persistent ids and REDUCE. No memo is written
 * (valid pickle; CPython memoises only to shorten repeated objects).
 */
public final class PickleWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public PickleWriter proto2() {
        return op(0x80).op(2);
    }

    /** GLOBAL {@code module\nname\n}. */
    public PickleWriter global(String module, String name) {
        op('c');
        return raw((module + "\n" + name + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** BINUNICODE: 4-byte little-endian length, UTF-8 bytes. */
    public PickleWriter unicode(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        op('X');
        le(b.length, 4);
        return raw(b);
    }

    /** The shortest of BININT1, BININT2, BININT, LONG1, as CPython chooses. */
    public PickleWriter integer(long v) {
        if (v >= 0 && v < 0x100) {
            return op('K').op((int) v);
        }
        if (v >= 0 && v < 0x10000) {
            op('M');
            return le(v, 2);
        }
        if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
            op('J');
            return le(v, 4);
        }
        int n = 8;
        while (n > 1 && (v >> (8 * (n - 1) - 1)) == (v >> 63)) {
            n--;
        }
        op(0x8a).op(n);
        return le(v, n);
    }

    /** A tuple of the values already pushed since {@link #mark()} (any length). */
    public PickleWriter tupleFromMark() {
        return op('t');
    }

    public PickleWriter mark() {
        return op('(');
    }

    public PickleWriter emptyTuple() {
        return op(')');
    }

    /** TUPLE1/TUPLE2/TUPLE3 for 1 to 3 pushed values. */
    public PickleWriter tuple(int n) {
        if (n < 1 || n > 3) {
            throw new IllegalArgumentException("TUPLEn takes 1 to 3 items, not " + n);
        }
        return op(0x84 + n);
    }

    /** A tuple of integers, encoded as CPython does for its length. */
    public PickleWriter intTuple(long[] values) {
        if (values.length == 0) {
            return emptyTuple();
        }
        if (values.length > 3) {
            mark();
        }
        for (long v : values) {
            integer(v);
        }
        return values.length > 3 ? tupleFromMark() : tuple(values.length);
    }

    public PickleWriter newFalse() {
        return op(0x89);
    }

    /** BINPERSID: the top of the stack is a persistent id. */
    public PickleWriter binPersId() {
        return op('Q');
    }

    public PickleWriter reduce() {
        return op('R');
    }

    /** SETITEMS: key/value pairs since the mark into the dict below it. */
    public PickleWriter setItems() {
        return op('u');
    }

    /** SETITEM: one key/value pair into the dict below it. */
    public PickleWriter setItem() {
        return op('s');
    }

    public PickleWriter stop() {
        return op('.');
    }

    public byte[] bytes() {
        return out.toByteArray();
    }

    private PickleWriter op(int b) {
        out.write(b);
        return this;
    }

    private PickleWriter le(long v, int n) {
        for (int i = 0; i < n; i++) {
            out.write((int) (v >>> (8 * i)) & 0xff);
        }
        return this;
    }

    private PickleWriter raw(byte[] b) {
        out.write(b, 0, b.length);
        return this;
    }
}
