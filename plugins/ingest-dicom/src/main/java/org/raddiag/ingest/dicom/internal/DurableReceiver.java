package org.raddiag.ingest.dicom.internal;

import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.StoredFilePathStrategy;
import com.pixelmed.network.ReceivedObjectHandler;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLongArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the C-STORE acknowledgement waits for the disk.
 *
 * <p>How PixelMed 20220618 handles a C-STORE (checked in its bytecode, {@code StorageSOPClassSCP
 * .receiveAndProcessOneRequestMessage}): it streams the data set into a temp file in the store's
 * {@code incoming/} folder, closes it (waiting for its asynchronous writer and rethrowing its errors), renames it
 * to the name {@link #NAMES} gives, then calls {@link #sendReceivedObjectIndication} <em>synchronously</em>, and
 * only after that returns does it send the C-STORE response with status Success. So this handler is the hook: it
 * reads and validates the UIDs, forces the file, renames it atomically to {@code studies/STUDY/SERIES/SOP.dcm}
 * and forces the folder ({@link InstanceStore#commit}) before it returns. If anything fails it throws; PixelMed
 * then sends no response, {@link StorageScp} closes the connection, and the sender sees the instance as not
 * stored. An instance is therefore acknowledged only once it is durable in its final place.
 *
 * <p>PixelMed would name the received file after the sender's Affected SOP Instance UID (untrusted: {@code ../}
 * would leave the folder), so {@link #NAMES} ignores it and picks a random name inside {@code incoming/}.
 */
final class DurableReceiver extends ReceivedObjectHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DurableReceiver.class);
    /** Names for received files: random, inside the folder PixelMed receives into, never derived from the sender. */
    static final StoredFilePathStrategy NAMES = new StoredFilePathStrategy() {
        @Override
        public File makeReliableStoredFilePathWithFoldersCreated(File folder, String sopInstanceUid) {
            return new File(folder, "received-" + UUID.randomUUID() + ".part");
        }

        @Override
        public File makeReliableStoredFilePathWithFoldersCreated(File folder, String sopInstanceUid, String alt) {
            return makeReliableStoredFilePathWithFoldersCreated(folder, sopInstanceUid);
        }
    };

    /** Told about every stored instance before it is acknowledged. */
    interface Listener {
        void stored(InstanceIds ids, boolean isNew);
    }

    private final InstanceStore store;
    private final Listener listener;
    /** How an instance came in, the label of the ingest counters. */
    enum Channel { CSTORE, STOW }

    private final AtomicLongArray received = new AtomicLongArray(Channel.values().length);
    private final AtomicLongArray stored = new AtomicLongArray(Channel.values().length);
    private final AtomicLongArray refused = new AtomicLongArray(Channel.values().length);

    DurableReceiver(InstanceStore store, Listener listener) {
        this.store = store;
        this.listener = listener;
    }

    @Override
    public void sendReceivedObjectIndication(String fileName, String transferSyntax, String callingAeTitle)
            throws DicomException, IOException {
        store(Paths.get(fileName), transferSyntax, callingAeTitle, Channel.CSTORE);
    }

    /** Counts a STOW-RS part refused before it reached {@link #store}. */
    void refusedStow() {
        received.incrementAndGet(Channel.STOW.ordinal());
        refused.incrementAndGet(Channel.STOW.ordinal());
    }

    /** Validates and stores a received file (C-STORE or STOW-RS); returns its UIDs or throws the reason. */
    InstanceIds store(Path file, String transferSyntax, String callingAeTitle, Channel channel)
            throws DicomException, IOException {
        received.incrementAndGet(channel.ordinal());
        try {
            if (!file.toAbsolutePath().normalize().startsWith(store.incoming)) {
                throw new IOException("received file outside the incoming folder");
            }
            if (!TransferSyntaxPolicy.acceptsTransferSyntax(transferSyntax)) {
                throw new DicomException("transfer syntax not accepted");
            }
            InstanceIds ids = InstanceHeader.read(file);
            if (!TransferSyntaxPolicy.storable(ids.sopClass)) {
                throw new DicomException("not an image storage SOP class");
            }
            boolean isNew = store.commit(file, ids);
            listener.stored(ids, isNew);
            stored.incrementAndGet(channel.ordinal());
            return ids;
        } catch (IOException | DicomException | RuntimeException | StackOverflowError e) {
            refused.incrementAndGet(channel.ordinal());
            Files.deleteIfExists(file);
            String why = Uids.redact(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            LOG.warn("C-STORE from AE {} refused, not acknowledged: {}", printable(callingAeTitle), why);
            if (e instanceof IOException) {
                throw new IOException(why);
            }
            throw new DicomException(why);
        }
    }

    long storedCount() {
        return sum(stored);
    }

    long refusedCount() {
        return sum(refused);
    }

    long received(Channel c) {
        return received.get(c.ordinal());
    }

    long stored(Channel c) {
        return stored.get(c.ordinal());
    }

    long refused(Channel c) {
        return refused.get(c.ordinal());
    }

    private static long sum(AtomicLongArray a) {
        long n = 0;
        for (int i = 0; i < a.length(); i++) {
            n += a.get(i);
        }
        return n;
    }

    /** An AE title for logs: printable ASCII only, at most 16 characters. */
    static String printable(String ae) {
        if (ae == null) {
            return "?";
        }
        String s = ae.trim().replaceAll("[^\\x20-\\x7e]", "?");
        return s.length() > 16 ? s.substring(0, 16) : s;
    }
}
