package org.raddiag.itests;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** dcmtk as an independent DICOM writer and sender: CT series by {@code dump2dcm}, sent by {@code storescu}. */
final class DcmtkSeries {
    static final String PATIENT_NAME = "DOE^JANE";
    static final String PATIENT_ID = "PID-4711-ITEST";
    private static final int SIZE = 16;

    private DcmtkSeries() {
    }

    /** Whether every tool is on the PATH. */
    static boolean available(String... tools) {
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

    /**
     * Writes an axial CT series of {@code slices} 16 x 16 slices (explicit VR little endian, patient name, id and
     * birth date set) into {@code dir}; slice k has SOP Instance UID {@code series.k+1}.
     */
    static List<Path> ct(Path dir, String study, String series, int slices) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        for (int k = 0; k < slices; k++) {
            ByteBuffer raw = ByteBuffer.allocate(SIZE * SIZE * 2).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < SIZE * SIZE; i++) {
                raw.putShort((short) (40 * k + 10 * (i / SIZE) + i % SIZE - 300 + 1024));
            }
            Path rawFile = Files.write(dir.resolve("slice" + k + ".raw"), raw.array());
            String dump = String.join("\n",
                    "(0008,0016) UI =CTImageStorage",
                    "(0008,0018) UI " + sop(series, k),
                    "(0008,0060) CS [CT]",
                    "(0010,0010) PN [" + PATIENT_NAME + "]",
                    "(0010,0020) LO [" + PATIENT_ID + "]",
                    "(0010,0030) DA [19700101]",
                    "(0020,000d) UI " + study,
                    "(0020,000e) UI " + series,
                    "(0020,0013) IS [" + (k + 1) + "]",
                    String.format(Locale.ROOT, "(0020,0032) DS [-6\\-6\\%.1f]", 2.5 * k - 10),
                    "(0020,0037) DS [1\\0\\0\\0\\1\\0]",
                    "(0028,0002) US 1",
                    "(0028,0004) CS [MONOCHROME2]",
                    "(0028,0010) US " + SIZE,
                    "(0028,0011) US " + SIZE,
                    "(0028,0030) DS [0.75\\0.75]",
                    "(0028,0100) US 16",
                    "(0028,0101) US 12",
                    "(0028,0102) US 11",
                    "(0028,0103) US 0",
                    "(0028,1052) DS [-1024]",
                    "(0028,1053) DS [1]",
                    "(7fe0,0010) OW =" + rawFile, "");
            Path dumpFile = Files.writeString(dir.resolve("slice" + k + ".txt"), dump);
            Path out = dir.resolve(String.format(Locale.ROOT, "ct%03d.dcm", k));
            run(List.of("dump2dcm", "--write-xfer-little", dumpFile.toString(), out.toString()));
            Files.delete(rawFile);
            Files.delete(dumpFile);
            files.add(out);
        }
        return files;
    }

    static String sop(String series, int k) {
        return series + "." + (k + 1);
    }

    /** Runs a tool; returns its exit status and output (stdout and stderr). */
    static Distribution.Result run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", cmd) + " did not finish in 120 s");
        }
        if (p.exitValue() != 0 && !cmd.get(0).equals("storescu")) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out);
        }
        return new Distribution.Result(p.exitValue(), out, "");
    }

    /** {@code storescu} from AE ITEST to AE RADDIAG on 127.0.0.1:{@code port}, with extra options before the files. */
    static Distribution.Result storescu(int port, List<String> options, List<Path> files)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("storescu", "-v", "-aet", "ITEST", "-aec", "RADDIAG"));
        cmd.addAll(options);
        cmd.add("127.0.0.1");
        cmd.add(Integer.toString(port));
        files.forEach(f -> cmd.add(f.toString()));
        return run(cmd);
    }
}
