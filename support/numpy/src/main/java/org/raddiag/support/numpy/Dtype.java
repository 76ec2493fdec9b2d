package org.raddiag.support.numpy;

import java.nio.ByteOrder;
import java.nio.file.Path;
import org.raddiag.api.io.ReadException;
import org.raddiag.api.io.ReadException.Reason;

/** A supported NumPy scalar type with its byte order, parsed from a header {@code descr} such as {@code <f4}. */
final class Dtype {
    /** Element kinds this decoder supports. */
    enum Kind { BOOL, INT, UINT, FLOAT }

    final Kind kind;
    final int size;
    final ByteOrder order;

    private Dtype(Kind kind, int size, ByteOrder order) {
        this.kind = kind;
        this.size = size;
        this.order = order;
    }

    static Dtype parse(String descr, Path file, String where) throws ReadException {
        if (descr.length() < 2) {
            throw new ReadException(file, Reason.CORRUPT, where + "invalid dtype '" + descr + "'");
        }
        char orderChar = descr.charAt(0);
        String body = descr.substring(1);
        if (orderChar != '<' && orderChar != '>' && orderChar != '|') {
            throw new ReadException(file, Reason.UNSUPPORTED, where + "dtype '" + descr
                    + "' has no explicit byte order (<, > or |)");
        }
        Kind kind;
        switch (body.charAt(0)) {
            case 'f': kind = Kind.FLOAT; break;
            case 'i': kind = Kind.INT; break;
            case 'u': kind = Kind.UINT; break;
            case 'b': kind = Kind.BOOL; break;
            case 'O':
                throw new ReadException(file, Reason.UNSUPPORTED, where + "object arrays are refused (dtype '"
                        + descr + "'): they need pickle");
            default:
                throw new ReadException(file, Reason.UNSUPPORTED, where + "unsupported dtype '" + descr + "'");
        }
        int size;
        try {
            size = Integer.parseInt(body.substring(1));
        } catch (NumberFormatException e) {
            throw new ReadException(file, Reason.UNSUPPORTED, where + "unsupported dtype '" + descr + "'");
        }
        boolean ok;
        switch (kind) {
            case FLOAT: ok = size == 2 || size == 4 || size == 8; break;
            case BOOL: ok = size == 1; break;
            default: ok = size == 1 || size == 2 || size == 4 || size == 8;
        }
        if (!ok) {
            throw new ReadException(file, Reason.UNSUPPORTED, where + "unsupported dtype '" + descr + "'");
        }
        if (orderChar == '|' && size > 1) {
            throw new ReadException(file, Reason.CORRUPT, where + "dtype '" + descr
                    + "' is multi-byte but says byte order does not apply");
        }
        return new Dtype(kind, size, orderChar == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    }

    /** The canonical descr, e.g. {@code <f4}, {@code |u1}. */
    String descr() {
        char k = kind == Kind.FLOAT ? 'f' : kind == Kind.INT ? 'i' : kind == Kind.UINT ? 'u' : 'b';
        char o = size == 1 ? '|' : order == ByteOrder.BIG_ENDIAN ? '>' : '<';
        return "" + o + k + size;
    }
}
