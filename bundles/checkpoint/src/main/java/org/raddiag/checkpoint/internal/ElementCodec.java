package org.raddiag.checkpoint.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.raddiag.checkpoint.DType;

/** Decodes and encodes little-endian element data of a {@link DType}. */
public final class ElementCodec {
    private ElementCodec() {
    }

    /** Element {@code i} of {@code buf} (little-endian) as float; {@code type} must be floating. */
    public static float readFloat(ByteBuffer buf, DType type, long i) {
        int at = Math.toIntExact(i * type.byteSize());
        switch (type) {
            case F32: return buf.getFloat(at);
            case F64: return (float) buf.getDouble(at);
            case F16: return halfToFloat(buf.getShort(at));
            case BF16: return Float.intBitsToFloat((buf.getShort(at) & 0xffff) << 16);
            default: throw new IllegalArgumentException(type + " is not floating");
        }
    }

    /** Element {@code i} of {@code buf} (little-endian) as long; {@code type} must be integral or boolean. */
    public static long readLong(ByteBuffer buf, DType type, long i) {
        int at = Math.toIntExact(i * type.byteSize());
        switch (type) {
            case I64: return buf.getLong(at);
            case I32: return buf.getInt(at);
            case I16: return buf.getShort(at);
            case I8: return buf.get(at);
            case U8: return buf.get(at) & 0xff;
            case BOOL: return buf.get(at) != 0 ? 1 : 0;
            default: throw new IllegalArgumentException(type + " is not integral");
        }
    }

    /** IEEE 754 binary16 to float, exact (subnormals, infinities and NaN included). */
    public static float halfToFloat(short h) {
        int bits = h & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exp = (bits >>> 10) & 0x1f;
        int mant = bits & 0x3ff;
        if (exp == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        if (exp == 0) {
            float v = mant * 0x1p-24f;
            return sign != 0 ? -v : v;
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }

    public static ByteBuffer littleEndian(byte[] data) {
        return ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    }
}
