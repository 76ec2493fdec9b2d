package org.raddiag.reader.dicom.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.raddiag.api.io.ReadException;
import org.raddiag.api.io.ReadException.Reason;

/** Cheap DICOM detection from the first bytes, and the DICOM files of a folder. */
final class DicomFiles {
    /** Most files one folder may hold; bounds the time of a read. */
    static final int MAX_FILES = 20_000;

    private DicomFiles() {
    }

    /**
     * True for a Part 10 file ("DICM" after the 128-byte preamble) or a bare data set starting with a group 0x0002
     * or 0x0008 element (little endian, explicit or implicit VR), as written by old tools without a preamble.
     */
    static boolean isDicom(Path file) {
        byte[] b = new byte[132];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(b, 0, b.length);
        } catch (IOException | RuntimeException e) {
            return false;
        }
        if (n == 132 && b[128] == 'D' && b[129] == 'I' && b[130] == 'C' && b[131] == 'M') {
            return true;
        }
        return n >= 8 && isBareDataSet(b);
    }

    private static boolean isBareDataSet(byte[] b) {
        int group = (b[0] & 0xff) | (b[1] & 0xff) << 8;
        int element = (b[2] & 0xff) | (b[3] & 0xff) << 8;
        if ((group != 0x0002 && group != 0x0008) || element > 0x0020) {
            return false;
        }
        boolean explicitVr = Character.isUpperCase(b[4]) && Character.isUpperCase(b[5]);
        if (explicitVr) {
            return true;
        }
        long length = (b[4] & 0xffL) | (b[5] & 0xffL) << 8 | (b[6] & 0xffL) << 16 | (b[7] & 0xffL) << 24;
        return length < 1024;
    }

    /** Regular, non-hidden files of {@code folder} (not recursive) that look like DICOM, sorted by name. */
    static List<Path> list(Path folder) throws ReadException {
        List<Path> files = new ArrayList<>();
        int seen = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder)) {
            for (Path p : ds) {
                if (++seen > MAX_FILES) {
                    throw new ReadException(folder, Reason.TOO_LARGE, "more than " + MAX_FILES + " files in the folder");
                }
                String name = p.getFileName().toString();
                if (!name.startsWith(".") && !name.equalsIgnoreCase("DICOMDIR") && Files.isRegularFile(p)
                        && isDicom(p)) {
                    files.add(p);
                }
            }
        } catch (IOException e) {
            throw new ReadException(folder, Reason.IO, "cannot list the folder: " + e.getMessage(), e);
        }
        Collections.sort(files);
        return files;
    }
}
