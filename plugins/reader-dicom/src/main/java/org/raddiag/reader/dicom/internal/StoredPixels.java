package org.raddiag.reader.dicom.internal;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.ValueRepresentation;
import java.io.EOFException;
import java.io.IOException;
import org.raddiag.api.io.ReadException;
import org.raddiag.api.io.ReadException.Reason;

/**
 * The decoded pixel data of one file as stored (before rescale), with the photometric interpretation and planar
 * configuration that hold after decompression. 8-bit samples are in {@link #bytes}, 16-bit samples in
 * {@link #words}.
 */
final class StoredPixels {
    final byte[] bytes;
    final short[] words;
    final String photometric;
    final int planarConfiguration;

    private StoredPixels(byte[] bytes, short[] words, String photometric, int planarConfiguration) {
        this.bytes = bytes;
        this.words = words;
        this.photometric = photometric;
        this.planarConfiguration = planarConfiguration;
    }

    /** Reads and decodes the pixel data of {@code h.file}; the header must already have passed the size checks. */
    static StoredPixels read(DicomHeader h) throws ReadException {
        if (h.bitsAllocated != 8 && h.bitsAllocated != 16) {
            throw new ReadException(h.file, Reason.UNSUPPORTED, h.bitsAllocated + " bits allocated per sample: only 8 "
                    + "and 16 are supported");
        }
        if (h.bitsStored < 1 || h.bitsStored > h.bitsAllocated) {
            throw new ReadException(h.file, Reason.CORRUPT, "bits stored " + h.bitsStored + " does not fit in "
                    + h.bitsAllocated + " bits allocated");
        }
        TransferSyntaxes.requireDecodable(h.file, h.transferSyntax, h.bitsStored);
        AttributeList l = new AttributeList();
        try {
            l.read(h.file.toFile());
            l.correctDecompressedImagePixelModule();
        } catch (EOFException e) {
            throw new ReadException(h.file, Reason.TRUNCATED, "ends inside the pixel data", e);
        } catch (IOException e) {
            throw new ReadException(h.file, Reason.IO, "cannot read the pixel data: " + e.getMessage(), e);
        } catch (DicomException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("No reader for") || m.contains("not supported") || m.contains("does not support")) {
                throw new ReadException(h.file, Reason.UNSUPPORTED, "cannot decode " + h.transferSyntax + " ("
                        + TransferSyntaxes.name(h.transferSyntax) + ") pixel data: " + m
                        + "; convert with `gdcmconv --raw in.dcm out.dcm`", e);
            }
            if (m.contains("remaining to be read") || m.contains("EOF")) {
                throw new ReadException(h.file, Reason.TRUNCATED, "ends inside the pixel data: " + m, e);
            }
            throw new ReadException(h.file, Reason.CORRUPT, "invalid pixel data: " + m, e);
        } catch (RuntimeException | Error e) {
            Decoders.rethrowFatal(e);
            throw new ReadException(h.file, Reason.CORRUPT, "invalid pixel data: " + e, e);
        }
        Attribute pd = l.get(TagFromName.PixelData);
        if (pd == null) {
            throw new ReadException(h.file, Reason.CORRUPT, "pixel data missing or unreadable");
        }
        String photometric = Attribute.getSingleStringValueOrDefault(l, TagFromName.PhotometricInterpretation,
                h.photometric).trim();
        int planar = Attribute.getSingleIntegerValueOrDefault(l, TagFromName.PlanarConfiguration, 0);
        try {
            short[] words = h.bitsAllocated == 16 ? words(pd) : null;
            byte[] bytes = h.bitsAllocated == 16 ? null : pd.getByteValues();
            if (words == null && bytes == null) {
                throw new ReadException(h.file, Reason.CORRUPT, "pixel data is empty or unreadable");
            }
            return new StoredPixels(bytes, words, photometric, planar);
        } catch (DicomException | RuntimeException e) {
            throw new ReadException(h.file, Reason.CORRUPT, "invalid pixel data: " + e, e);
        }
    }

    private static short[] words(Attribute pd) throws DicomException {
        if (ValueRepresentation.isOtherWordVR(pd.getVR())) {
            return pd.getShortValues();
        }
        byte[] b = pd.getByteValues();
        if (b == null) {
            return null;
        }
        short[] w = new short[b.length / 2];
        for (int i = 0; i < w.length; i++) {
            w[i] = (short) ((b[2 * i] & 0xff) | (b[2 * i + 1] & 0xff) << 8);
        }
        return w;
    }

    /** Number of stored samples. */
    int length() {
        return words != null ? words.length : bytes.length;
    }

    /** Sample {@code i} as stored, all bits allocated, unsigned. */
    int raw(int i) {
        return words != null ? words[i] & 0xffff : bytes[i] & 0xff;
    }
}
