package org.raddiag.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.raddiag.testsupport.Dcmtk;

/** dcmtk as an independent DICOM writer and sender: CT series by {@code dump2dcm} ({@link Dcmtk}), sent by {@code storescu}. */
final class DcmtkSeries {
    static final String PATIENT_NAME = "DOE^JANE";
    static final String PATIENT_ID = "PID-4711-ITEST";
    private static final int SIZE = 16;

    private DcmtkSeries() {
    }

    /** Whether every tool is on the PATH. */
    static boolean available(String... tools) {
        return Dcmtk.available(tools);
    }

    /**
     * Writes an axial CT series of {@code slices} 16 x 16 slices (explicit VR little endian, patient name, id and
     * birth date set) into {@code dir}; slice k has SOP Instance UID {@code series.k+1}.
     */
    static List<Path> ct(Path dir, String study, String series, int slices) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        for (int k = 0; k < slices; k++) {
            int slice = k;
            files.add(Dcmtk.ctSlice(dir.resolve(String.format(Locale.ROOT, "ct%03d.dcm", k)), SIZE,
                    (row, col) -> 40 * slice + 10 * row + col - 300 + 1024, List.of(
                            "(0008,0018) UI " + sop(series, k),
                            "(0010,0010) PN [" + PATIENT_NAME + "]",
                            "(0010,0020) LO [" + PATIENT_ID + "]",
                            "(0010,0030) DA [19700101]",
                            "(0020,000d) UI " + study,
                            "(0020,000e) UI " + series,
                            "(0020,0013) IS [" + (k + 1) + "]",
                            String.format(Locale.ROOT, "(0020,0032) DS [-6\\-6\\%.1f]", 2.5 * k - 10),
                            "(0028,0030) DS [0.75\\0.75]")));
        }
        return files;
    }

    static String sop(String series, int k) {
        return series + "." + (k + 1);
    }

    /** Runs a tool; returns its exit status and output (stdout and stderr); a failure is an IOException, except of storescu. */
    static Distribution.Result run(List<String> cmd) throws IOException, InterruptedException {
        Dcmtk.Result r = cmd.get(0).equals("storescu") ? Dcmtk.run(cmd) : new Dcmtk.Result(0, Dcmtk.runOk(cmd));
        return new Distribution.Result(r.status(), r.output(), "");
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
