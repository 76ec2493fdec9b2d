package org.raddiag.testsupport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntBinaryOperator;

/**
 * dcmtk as an independent DICOM writer for tests: whether its tools are installed, running one, and a CT slice
 * written by {@code dump2dcm}, so that the readers and the ingest are tested on files our own code did not write.
 */
public final class Dcmtk {
    /** What a tool did: its exit status and its output (stdout and stderr). */
    public record Result(int status, String output) {
    }

    private Dcmtk() {
    }

    /** Whether every tool is on the PATH. */
    public static boolean available(String... tools) {
        for (String t : tools) {
            try {
                Process p = new ProcessBuilder("sh", "-c", "command -v " + t).start();
                if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    return false;
                }
            } catch (IOException | InterruptedException e) {
                return false;
            }
        }
        return true;
    }

    /** Runs a tool to its end (at most 120 s, else an AssertionError); any exit status is returned. */
    public static Result run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", cmd) + " did not finish in 120 s");
        }
        return new Result(p.exitValue(), out);
    }

    /** {@link #run}, an IOException with the tool's output when it fails. */
    public static String runOk(List<String> cmd) throws IOException, InterruptedException {
        Result r = run(cmd);
        if (r.status() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + r.output());
        }
        return r.output();
    }

    /**
     * Writes {@code out}, one axial CT slice of {@code size} x {@code size} pixels (explicit VR little endian, 12 of
     * 16 bits stored, rescale -1024), the stored value of pixel (row, column) from {@code pixel};
     * {@code attributes} are the {@code dump2dcm} lines that tell slices apart (UIDs, instance number, position,
     * pixel spacing, patient).
     */
    public static Path ctSlice(Path out, int size, IntBinaryOperator pixel, List<String> attributes)
            throws IOException, InterruptedException {
        ByteBuffer raw = ByteBuffer.allocate(size * size * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < size * size; i++) {
            raw.putShort((short) pixel.applyAsInt(i / size, i % size));
        }
        Path rawFile = Files.write(out.resolveSibling(out.getFileName() + ".raw"), raw.array());
        List<String> dump = new ArrayList<>(List.of(
                "(0008,0016) UI =CTImageStorage",
                "(0008,0060) CS [CT]",
                "(0020,0037) DS [1\\0\\0\\0\\1\\0]",
                "(0028,0002) US 1",
                "(0028,0004) CS [MONOCHROME2]",
                "(0028,0010) US " + size,
                "(0028,0011) US " + size,
                "(0028,0100) US 16",
                "(0028,0101) US 12",
                "(0028,0102) US 11",
                "(0028,0103) US 0",
                "(0028,1052) DS [-1024]",
                "(0028,1053) DS [1]",
                "(7fe0,0010) OW =" + rawFile));
        dump.addAll(attributes);
        Path dumpFile = Files.writeString(out.resolveSibling(out.getFileName() + ".txt"), String.join("\n", dump) + "\n");
        try {
            runOk(List.of("dump2dcm", "--write-xfer-little", dumpFile.toString(), out.toString()));
        } finally {
            Files.delete(rawFile);
            Files.delete(dumpFile);
        }
        return out;
    }
}
