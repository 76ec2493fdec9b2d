package org.raddiag.ingest.dicom.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The STOW-RS report destination of the configuration ({@code destinationStow*} in PID org.raddiag.ingest.dicom). */
final class StowDestination {
    private StowDestination() {
    }

    /**
     * The destination, or null when {@code destinationStowUrl} is empty. The URL is the DICOMweb root (e.g.
     * {@code http://pacs:8042/dicom-web}); reports are posted to its {@code /studies}.
     *
     * @throws IllegalArgumentException naming the setting and what is wrong
     */
    static Destination.Stow of(IngestConfig c) {
        String url = trim(c.destinationStowUrl());
        String user = trim(c.destinationStowUser());
        String password = c.destinationStowPassword() == null ? "" : c.destinationStowPassword();
        String token = trim(c.destinationStowToken());
        if (url.isEmpty()) {
            if (!user.isEmpty() || !token.isEmpty()) {
                throw new IllegalArgumentException("destinationStowUser/destinationStowToken are set but "
                        + "destinationStowUrl is empty");
            }
            return null;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("destinationStowUrl is not a URL: " + e.getMessage());
        }
        if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null) {
            throw new IllegalArgumentException("destinationStowUrl must be an http(s) URL with a host, no user "
                    + "information and no query (credentials go in destinationStowUser/Password or Token)");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        if (!path.endsWith("/studies")) {
            path += "/studies";
        }
        URI studies = URI.create(uri.getScheme().toLowerCase(java.util.Locale.ROOT) + "://" + uri.getRawAuthority() + path);
        if (!user.isEmpty() && !token.isEmpty()) {
            throw new IllegalArgumentException("set destinationStowUser (basic) or destinationStowToken (bearer), "
                    + "not both");
        }
        String auth = !token.isEmpty() ? "Bearer " + token : !user.isEmpty() ? "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)) : null;
        if (user.contains(":")) {
            throw new IllegalArgumentException("destinationStowUser must not contain ':'");
        }
        return new Destination.Stow(studies, auth);
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }
}
