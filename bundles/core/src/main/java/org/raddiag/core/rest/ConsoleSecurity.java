package org.raddiag.core.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.apache.felix.webconsole.WebConsoleSecurityProvider;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

/**
 * Credentials of the Felix Web Console ({@code /system/console}): {@code consoleUser} and {@code consolePassword}
 * (plain or {@code {sha-256}BASE64}) of PID {@code org.raddiag.rest}. No password configured = nobody gets in.
 * The distribution requires this provider ({@code felix.webconsole.security.providers=raddiag-console}), so the
 * console's built-in default login is never used.
 */
@Component(service = WebConsoleSecurityProvider.class, configurationPid = "org.raddiag.rest",
        property = "webconsole.security.provider.id=raddiag-console")
public final class ConsoleSecurity implements WebConsoleSecurityProvider {
    private volatile String user;
    private volatile String password;

    @Activate
    @Modified
    void configure(RestConfig c) {
        this.user = c.consoleUser();
        this.password = c.consolePassword();
    }

    @Override
    public Object authenticate(String username, String given) {
        String u = user;
        String p = password;
        if (p == null || p.isEmpty() || u == null || username == null || given == null) {
            return null;
        }
        boolean userOk = MessageDigest.isEqual(u.getBytes(StandardCharsets.UTF_8), username.getBytes(StandardCharsets.UTF_8));
        return userOk && matches(p, given) ? username : null;
    }

    @Override
    public boolean authorize(Object user, String role) {
        return user != null;
    }

    static boolean matches(String configured, String given) {
        byte[] expected;
        byte[] actual;
        if (configured.regionMatches(true, 0, "{sha-256}", 0, 9)) {
            try {
                expected = Base64.getDecoder().decode(configured.substring(9).trim());
                actual = MessageDigest.getInstance("SHA-256").digest(given.getBytes(StandardCharsets.UTF_8));
            } catch (IllegalArgumentException | NoSuchAlgorithmException e) {
                return false;
            }
        } else {
            expected = configured.getBytes(StandardCharsets.UTF_8);
            actual = given.getBytes(StandardCharsets.UTF_8);
        }
        return MessageDigest.isEqual(expected, actual);
    }
}
