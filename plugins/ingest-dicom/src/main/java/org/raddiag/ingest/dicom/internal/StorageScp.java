package org.raddiag.ingest.dicom.internal;

import com.pixelmed.network.AssociationFactory;
import com.pixelmed.network.StorageSOPClassSCP;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The C-STORE SCP: our own accept loop on a socket bound to the configured address (PixelMed's
 * {@code StorageSOPClassSCPDispatcher} binds all interfaces and cannot be told otherwise), one PixelMed
 * {@link StorageSOPClassSCP} per association on a bounded pool. Each connection is closed when its association
 * ends, also when the receiver refused an instance (then no C-STORE response is sent and the sender sees a failure).
 */
final class StorageScp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StorageScp.class);
    /** A peer silent this long (mid-association) is dropped. */
    private static final int IDLE_TIMEOUT_MS = 120_000;

    private final String aeTitle;
    private final InstanceStore store;
    private final DurableReceiver receiver;
    private final TransferSyntaxPolicy policy = new TransferSyntaxPolicy();
    private final int maxAssociations;
    private final AtomicInteger active = new AtomicInteger();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final ExecutorService pool;
    private ServerSocket server;
    private Thread acceptor;
    private volatile boolean closed;

    StorageScp(String aeTitle, InstanceStore store, DurableReceiver receiver, int maxAssociations) {
        this.aeTitle = aeTitle;
        this.store = store;
        this.receiver = receiver;
        this.maxAssociations = Math.max(1, maxAssociations);
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(this.maxAssociations, r -> {
            Thread t = new Thread(r, "raddiag-dicom-association-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Binds and starts accepting; returns the bound port. */
    int start(InetAddress address, int port) throws IOException {
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(address, port), 50);
        acceptor = new Thread(this::acceptLoop, "raddiag-dicom-scp");
        acceptor.setDaemon(true);
        acceptor.start();
        return server.getLocalPort();
    }

    int port() {
        return server == null ? -1 : server.getLocalPort();
    }

    int activeAssociations() {
        return active.get();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("DICOM SCP: accept failed: {}", e.toString());
                    pause();
                }
                continue;
            }
            if (active.incrementAndGet() > maxAssociations) {
                active.decrementAndGet();
                LOG.warn("DICOM SCP: {} associations already open, connection closed", maxAssociations);
                closeQuietly(s);
                continue;
            }
            sockets.add(s);
            try {
                pool.execute(() -> serve(s));
            } catch (RuntimeException e) {
                active.decrementAndGet();
                sockets.remove(s);
                closeQuietly(s);
            }
        }
    }

    private void serve(Socket s) {
        try {
            s.setSoTimeout(IDLE_TIMEOUT_MS);
            // PixelMed runs the association to its end and catches (and logs) what goes wrong in it
            new StorageSOPClassSCP(s, aeTitle, AssociationFactory.getDefaultMaximumLengthReceived(), 0, 0, store.incoming.toFile(), DurableReceiver.NAMES,
                    receiver, null, null, null, null, policy).run();
        } catch (Exception e) {
            LOG.warn("DICOM SCP: association failed: {}", Uids.redact(e.toString()));
        } finally {
            closeQuietly(s);
            sockets.remove(s);
            active.decrementAndGet();
        }
    }

    @Override
    public void close() {
        closed = true;
        if (server != null) {
            closeQuietly(server);
        }
        for (Socket s : sockets) {
            closeQuietly(s);
        }
        pool.shutdownNow();
        try {
            if (acceptor != null) {
                acceptor.join(5000);
            }
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException | RuntimeException e) {
            // closing anyway
        }
    }
}
