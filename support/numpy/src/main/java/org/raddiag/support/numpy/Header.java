package org.raddiag.support.numpy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.raddiag.api.io.ReadException;
import org.raddiag.api.io.ReadException.Reason;

/**
 * The header dictionary of a {@code .npy} file, parsed strictly: exactly the keys {@code descr}, {@code fortran_order}
 * and {@code shape}, Python literal syntax only (strings, True/False, tuples of non-negative integers).
 */
record Header(String descr, boolean fortranOrder, long[] shape) {

    static Header parse(String text, Path file, String where) throws ReadException {
        return new Parser(text, file, where).header();
    }

    /** Recursive-descent parser over the header text. */
    private static final class Parser {
        private final String s;
        private final Path file;
        private final String where;
        private int pos;

        Parser(String s, Path file, String where) {
            this.s = s;
            this.file = file;
            this.where = where;
        }

        Header header() throws ReadException {
            if (!s.endsWith("\n")) {
                throw bad("header does not end with a newline");
            }
            skipSpaces();
            expect('{');
            String descr = null;
            Boolean fortran = null;
            long[] shape = null;
            skipSpaces();
            while (peek() != '}') {
                String key = string();
                skipSpaces();
                expect(':');
                skipSpaces();
                switch (key) {
                    case "descr":
                        if (descr != null) {
                            throw bad("duplicate key 'descr'");
                        }
                        if (peek() == '[') {
                            throw new ReadException(file, Reason.UNSUPPORTED, where
                                    + "structured (record) dtypes are not supported");
                        }
                        descr = string();
                        break;
                    case "fortran_order":
                        if (fortran != null) {
                            throw bad("duplicate key 'fortran_order'");
                        }
                        fortran = bool();
                        break;
                    case "shape":
                        if (shape != null) {
                            throw bad("duplicate key 'shape'");
                        }
                        shape = tuple();
                        break;
                    default:
                        throw bad("unexpected key '" + key + "'");
                }
                skipSpaces();
                if (peek() == ',') {
                    pos++;
                    skipSpaces();
                } else if (peek() != '}') {
                    throw bad("expected ',' or '}' at offset " + pos);
                }
            }
            pos++;
            while (pos < s.length()) {
                char c = s.charAt(pos++);
                if (c != ' ' && c != '\n' && !(c == '\r' && pos < s.length())) {
                    throw bad("unexpected text after the header dictionary");
                }
            }
            if (descr == null || fortran == null || shape == null) {
                throw bad("header lacks " + (descr == null ? "'descr'" : fortran == null ? "'fortran_order'" : "'shape'"));
            }
            return new Header(descr, fortran, shape);
        }

        private String string() throws ReadException {
            char q = peek();
            if (q != '\'' && q != '"') {
                throw bad("expected a string at offset " + pos);
            }
            int end = s.indexOf(q, pos + 1);
            if (end < 0) {
                throw bad("unterminated string at offset " + pos);
            }
            String v = s.substring(pos + 1, end);
            if (v.indexOf('\\') >= 0 || v.indexOf('\n') >= 0) {
                throw bad("unsupported escape in string at offset " + pos);
            }
            pos = end + 1;
            return v;
        }

        private boolean bool() throws ReadException {
            if (s.startsWith("True", pos)) {
                pos += 4;
                return true;
            }
            if (s.startsWith("False", pos)) {
                pos += 5;
                return false;
            }
            throw bad("expected True or False at offset " + pos);
        }

        private long[] tuple() throws ReadException {
            expect('(');
            List<Long> dims = new ArrayList<>();
            skipSpaces();
            boolean needComma = false;
            while (peek() != ')') {
                if (needComma) {
                    throw bad("expected ',' in shape at offset " + pos);
                }
                dims.add(integer());
                skipSpaces();
                if (peek() == ',') {
                    pos++;
                    skipSpaces();
                } else {
                    needComma = true;
                }
                if (dims.size() > 32) {
                    throw bad("shape has more than 32 dimensions");
                }
            }
            if (dims.size() == 1 && needComma) {
                throw bad("a one-element shape needs a trailing comma");
            }
            pos++;
            long[] out = new long[dims.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = dims.get(i);
            }
            return out;
        }

        private long integer() throws ReadException {
            int start = pos;
            while (pos < s.length() && Character.isDigit(s.charAt(pos)) && s.charAt(pos) < 128) {
                pos++;
            }
            if (pos == start) {
                throw bad("expected a non-negative integer in shape at offset " + start);
            }
            if (pos - start > 18) {
                throw new ReadException(file, Reason.TOO_LARGE, where + "dimension " + s.substring(start, pos)
                        + " is too large");
            }
            long v = Long.parseLong(s.substring(start, pos));
            if (peek() == 'L') {
                pos++;
            }
            return v;
        }

        private void skipSpaces() {
            while (pos < s.length() && s.charAt(pos) == ' ') {
                pos++;
            }
        }

        private char peek() throws ReadException {
            if (pos >= s.length()) {
                throw bad("header dictionary ends early");
            }
            return s.charAt(pos);
        }

        private void expect(char c) throws ReadException {
            if (peek() != c) {
                throw bad("expected '" + c + "' at offset " + pos);
            }
            pos++;
        }

        private ReadException bad(String detail) {
            return new ReadException(file, Reason.CORRUPT, where + "bad .npy header: " + detail);
        }
    }
}
