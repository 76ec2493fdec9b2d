package org.raddiag.reader.nifti.internal;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.raddiag.api.io.ReadException;
import org.raddiag.api.io.ReadException.Reason;

/** The supported NIfTI voxel datatypes (code, bytes per voxel) and their decoding. */
enum NiftiDatatype {
    UINT8(2, 1), INT16(4, 2), INT32(8, 4), FLOAT32(16, 4), FLOAT64(64, 8), INT8(256, 1), UINT16(512, 2),
    UINT32(768, 4), INT64(1024, 8), UINT64(1280, 8);

    final int code;
    final int bytes;

    NiftiDatatype(int code, int bytes) {
        this.code = code;
        this.bytes = bytes;
    }

    static NiftiDatatype of(int code, int bitpix, Path file) throws ReadException {
        for (NiftiDatatype t : values()) {
            if (t.code == code) {
                if (bitpix != t.bytes * 8) {
                    throw new ReadException(file, Reason.CORRUPT, "bitpix " + bitpix + " does not match datatype "
                            + t + " (" + t.bytes * 8 + ")");
                }
                return t;
            }
        }
        throw new ReadException(file, Reason.UNSUPPORTED, "NIfTI datatype " + code
                + " is not supported (RGB, complex and float128 are not)");
    }

    /** Voxel {@code i} of {@code b} as a double. */
    double get(ByteBuffer b, int i) {
        switch (this) {
            case UINT8: return b.get(i) & 0xff;
            case INT8: return b.get(i);
            case INT16: return b.getShort(i * 2);
            case UINT16: return b.getShort(i * 2) & 0xffff;
            case INT32: return b.getInt(i * 4);
            case UINT32: return b.getInt(i * 4) & 0xffffffffL;
            case FLOAT32: return b.getFloat(i * 4);
            case FLOAT64: return b.getDouble(i * 8);
            case INT64: return b.getLong(i * 8);
            default:
                long v = b.getLong(i * 8);
                return v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
        }
    }
}
