package org.raddiag.ingest.dicom.internal;

import com.pixelmed.dicom.SetOfDicomFiles;
import com.pixelmed.network.MultipleInstanceTransferStatusHandler;
import com.pixelmed.network.StorageSOPClassSCU;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;

/**
 * Sends one report file to its destination: by STOW-RS ({@link StowSender}), or by C-STORE (PixelMed's SCU, one
 * association per report, uncompressed), returning only when the peer answered Success or Warning for it. PixelMed keeps connection and association errors to itself (it logs
 * them), so the destination is first probed with a plain TCP connect to give a refusal its real reason.
 */
final class ReportSender {
    private static final int CONNECT_TIMEOUT_MS = 5000;

    interface Send {
        /** @throws IOException with the reason when the peer did not acknowledge the instance */
        void send(Destination to, String callingAeTitle, Path file) throws IOException;
    }

    static final Send ANY = ReportSender::send;

    private ReportSender() {
    }

    static void send(Destination to, String callingAeTitle, Path file) throws IOException {
        if (to instanceof Destination.Stow stow) {
            StowSender.send(stow, file, file.getFileName().toString().replaceFirst("\\.dcm$", ""));
        } else {
            cStore((Destination.CStore) to, callingAeTitle, file);
        }
    }

    private static void cStore(Destination.CStore to, String callingAeTitle, Path file) throws IOException {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(to.host(), to.port()), CONNECT_TIMEOUT_MS);
        } catch (IOException e) {
            throw new IOException("cannot connect to " + to + ": " + e.getMessage(), e);
        }
        SetOfDicomFiles files = new SetOfDicomFiles();
        files.add(file.toString());
        int[] result = new int[3];
        new StorageSOPClassSCU(to.host(), to.port(), to.calledAeTitle(), callingAeTitle, files, 0,
                new MultipleInstanceTransferStatusHandler() {
                    @Override
                    public void updateStatus(int remaining, int completed, int failed, int warning, String sop) {
                        result[0] = completed;
                        result[1] = failed;
                        result[2] = warning;
                    }
                });
        if (result[0] + result[2] < 1) {
            throw new IOException(to + " did not acknowledge the report (" + (result[1] > 0
                    ? "C-STORE failure status" : "association refused or aborted, e.g. an unknown AE title") + ")");
        }
    }
}
