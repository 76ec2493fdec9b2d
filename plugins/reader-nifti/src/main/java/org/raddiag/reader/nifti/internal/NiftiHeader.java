package org.raddiag.reader.nifti.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.raddiag.api.io.ReadException;
import org.raddiag.api.io.ReadException.Reason;

/** The fields of a NIfTI-1 (348-byte) or NIfTI-2 (540-byte) header that reading a volume needs. */
final class NiftiHeader {
    static final int NIFTI1_SIZE = 348;
    static final int NIFTI2_SIZE = 540;

    int version;
    ByteOrder order;
    boolean singleFile;
    long[] dim = new long[8];
    int datatype;
    int bitpix;
    double[] pixdim = new double[8];
    long voxOffset;
    double sclSlope;
    double sclInter;
    int qformCode;
    int sformCode;
    double[] quatern = new double[3];
    double[] qoffset = new double[3];
    double[][] srow = new double[3][4];

    /** NIfTI version (1 or 2) and byte order from the first four bytes, or WRONG_FORMAT. */
    static NiftiHeader probe(byte[] first4, Path file) throws ReadException {
        NiftiHeader h = new NiftiHeader();
        int le = ByteBuffer.wrap(first4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        int be = ByteBuffer.wrap(first4).order(ByteOrder.BIG_ENDIAN).getInt();
        if (le == NIFTI1_SIZE || be == NIFTI1_SIZE) {
            h.version = 1;
        } else if (le == NIFTI2_SIZE || be == NIFTI2_SIZE) {
            h.version = 2;
        } else {
            throw new ReadException(file, Reason.WRONG_FORMAT, "not a NIfTI file (sizeof_hdr is neither 348 nor 540)");
        }
        h.order = (le == NIFTI1_SIZE || le == NIFTI2_SIZE) ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        return h;
    }

    int size() {
        return version == 1 ? NIFTI1_SIZE : NIFTI2_SIZE;
    }

    /** Parses the whole header (including its first four bytes). */
    void parse(byte[] raw, Path file) throws ReadException {
        ByteBuffer b = ByteBuffer.wrap(raw).order(order);
        String magic;
        if (version == 1) {
            magic = new String(raw, 344, 3, java.nio.charset.StandardCharsets.ISO_8859_1);
            for (int i = 0; i < 8; i++) {
                dim[i] = b.getShort(40 + 2 * i);
                pixdim[i] = b.getFloat(76 + 4 * i);
            }
            datatype = b.getShort(70);
            bitpix = b.getShort(72);
            float off = b.getFloat(108);
            if (!(off >= 0) || off != Math.floor(off) || off > Integer.MAX_VALUE) {
                throw new ReadException(file, Reason.CORRUPT, "invalid vox_offset " + off);
            }
            voxOffset = (long) off;
            sclSlope = b.getFloat(112);
            sclInter = b.getFloat(116);
            qformCode = b.getShort(252);
            sformCode = b.getShort(254);
            for (int i = 0; i < 3; i++) {
                quatern[i] = b.getFloat(256 + 4 * i);
                qoffset[i] = b.getFloat(268 + 4 * i);
                for (int j = 0; j < 4; j++) {
                    srow[i][j] = b.getFloat(280 + 16 * i + 4 * j);
                }
            }
            if (!magic.equals("n+1") && !magic.equals("ni1") || raw[347] != 0) {
                throw new ReadException(file, Reason.WRONG_FORMAT, "no NIfTI-1 magic (Analyze 7.5 is not supported)");
            }
            singleFile = magic.equals("n+1");
        } else {
            magic = new String(raw, 4, 3, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (!magic.equals("n+2") && !magic.equals("ni2") || raw[7] != 0) {
                throw new ReadException(file, Reason.WRONG_FORMAT, "no NIfTI-2 magic");
            }
            singleFile = magic.equals("n+2");
            datatype = b.getShort(12);
            bitpix = b.getShort(14);
            for (int i = 0; i < 8; i++) {
                dim[i] = b.getLong(16 + 8 * i);
                pixdim[i] = b.getDouble(104 + 8 * i);
            }
            voxOffset = b.getLong(168);
            if (voxOffset < 0) {
                throw new ReadException(file, Reason.CORRUPT, "invalid vox_offset " + voxOffset);
            }
            sclSlope = b.getDouble(176);
            sclInter = b.getDouble(184);
            qformCode = b.getInt(344);
            sformCode = b.getInt(348);
            for (int i = 0; i < 3; i++) {
                quatern[i] = b.getDouble(352 + 8 * i);
                qoffset[i] = b.getDouble(376 + 8 * i);
                for (int j = 0; j < 4; j++) {
                    srow[i][j] = b.getDouble(400 + 32 * i + 8 * j);
                }
            }
        }
        if (singleFile && voxOffset < size()) {
            throw new ReadException(file, Reason.CORRUPT, "vox_offset " + voxOffset + " lies inside the "
                    + size() + "-byte header");
        }
    }
}
