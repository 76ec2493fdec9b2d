package org.raddiag.ingest.dicom.internal;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Objects;
import org.osgi.framework.BundleContext;
import org.raddiag.support.home.RaddiagHome;

/**
 * The effective settings: the configuration (PID {@code org.raddiag.ingest.dicom}) completed from the runtime.
 * The port comes from the configuration when it sets one (not -1), else from {@code -Draddiag.dicom.port}, else 11112 (as
 * the HTTP port comes from {@code -Draddiag.http.port}); the store from {@code storeDir}, else
 * {@code work/dicom-ingest} in the RadDiag home ({@link RaddiagHome}). The SCP runs only where the HTTP server runs: the launcher turns HTTP
 * off ({@code org.apache.felix.http.enable=false}) for one-shot commands, and those must not open a DICOM port or
 * diagnose studies next to a running server either.
 */
final class Settings {
    static final int DEFAULT_PORT = 11112;
    static final String PORT_PROPERTY = "raddiag.dicom.port";
    static final String HTTP_ENABLE = "org.apache.felix.http.enable";

    final boolean enabled;
    final boolean httpEnabled;
    final String address;
    final int port;
    final String aeTitle;
    final Path storeDir;
    final long quietMillis;
    final String model;
    final int topFindings;
    final int maxAssociations;
    /** Report destination, or null for none. */
    final Destination destination;
    final long retryInitialMillis;
    final long retryMaxMillis;
    final long stowMaxBytes;

    private Settings(IngestConfig c, int port, String aeTitle, Path storeDir, boolean httpEnabled,
            Destination destination) {
        this.enabled = c.enabled();
        this.httpEnabled = httpEnabled;
        this.address = c.address() == null || c.address().isBlank() ? "127.0.0.1" : c.address().trim();
        this.port = port;
        this.aeTitle = aeTitle;
        this.storeDir = storeDir;
        this.quietMillis = Math.max(0, c.quietPeriodSeconds()) * 1000L;
        this.model = c.model() == null ? "" : c.model().trim();
        this.topFindings = Math.max(0, c.topFindings());
        this.maxAssociations = Math.max(1, c.maxAssociations());
        this.destination = destination;
        this.retryInitialMillis = Math.max(1, c.retryInitialSeconds()) * 1000L;
        this.retryMaxMillis = Math.max(c.retryInitialSeconds(), c.retryMaxSeconds()) * 1000L;
        this.stowMaxBytes = Math.max(1, c.stowMaxMegabytes()) * 1024L * 1024L;
    }

    /** @param context framework properties (the port property, the HTTP switch) */
    static Settings of(IngestConfig c, BundleContext context) {
        int port = c.port();
        if (port == -1) {
            String p = property(context, PORT_PROPERTY);
            port = DEFAULT_PORT;
            if (p != null && !p.isBlank()) {
                try {
                    port = Integer.parseInt(p.trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(PORT_PROPERTY + " is not a port number: " + p);
                }
            }
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 0..65535");
        }
        String ae = aeTitle("aeTitle", c.aeTitle());
        Destination to = null;
        String host = c.destinationHost() == null ? "" : c.destinationHost().trim();
        if (!host.isEmpty()) {
            if (c.destinationPort() < 1 || c.destinationPort() > 65535) {
                throw new IllegalArgumentException("destinationPort " + c.destinationPort() + " is outside 1..65535");
            }
            to = new Destination.CStore(host, c.destinationPort(), aeTitle("destinationAeTitle",
                    c.destinationAeTitle()));
        }
        Destination.Stow stow = StowDestination.of(c);
        if (stow != null) {
            if (to != null) {
                throw new IllegalArgumentException("set destinationHost (C-STORE) or destinationStowUrl (STOW-RS), "
                        + "not both");
            }
            to = stow;
        }
        Path store = c.storeDir() != null && !c.storeDir().isBlank() ? Paths.get(c.storeDir().trim())
                : RaddiagHome.current().dicomStore();
        boolean http = !"false".equalsIgnoreCase(String.valueOf(property(context, HTTP_ENABLE)).trim());
        return new Settings(c, port, ae, store.toAbsolutePath().normalize(), http, to);
    }

    private static String aeTitle(String key, String value) {
        String ae = value == null ? "" : value.trim();
        if (ae.isEmpty() || ae.length() > 16 || !ae.matches("[\\x20-\\x7e&&[^\\\\]]+")) {
            throw new IllegalArgumentException(key + " must be 1 to 16 printable characters without a backslash");
        }
        return ae;
    }

    /** Whether {@code o} keeps the same listener and store (so only the quiet period, model or top changed). */
    boolean sameListener(Settings o) {
        return o != null && enabled == o.enabled && httpEnabled == o.httpEnabled && address.equals(o.address)
                && port == o.port && aeTitle.equals(o.aeTitle) && Objects.equals(storeDir, o.storeDir)
                && maxAssociations == o.maxAssociations;
    }

    private static String property(BundleContext context, String key) {
        String v = context == null ? null : context.getProperty(key);
        return v != null ? v : System.getProperty(key);
    }
}
