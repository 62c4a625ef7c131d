package dev.flowfront.preview;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;

/**
 * The credentials the simulated API requires: none, HTTP basic or a bearer token.
 *
 * @param mode how clients authenticate
 * @param user the basic-auth user; null otherwise
 * @param secret the basic-auth password or the bearer token; null for none
 */
public record Auth(Mode mode, String user, String secret) {

    /** The ways clients authenticate. */
    public enum Mode {
        NONE,
        BASIC,
        BEARER
    }

    public static Auth none() {
        return new Auth(Mode.NONE, null, null);
    }

    public static Auth basic(String user, String password) {
        return new Auth(Mode.BASIC, user, password);
    }

    public static Auth bearer(String token) {
        return new Auth(Mode.BEARER, null, token);
    }

    /**
     * Parses {@code none}, {@code basic:user:password} or {@code bearer:token}.
     *
     * @throws IllegalArgumentException naming the accepted forms
     */
    public static Auth parse(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("none")) {
            return none();
        }
        if (lower.startsWith("basic:")) {
            String rest = text.substring("basic:".length());
            int colon = rest.indexOf(':');
            if (colon > 0 && colon < rest.length() - 1) {
                return basic(rest.substring(0, colon), rest.substring(colon + 1));
            }
        }
        if (lower.startsWith("bearer:") && text.length() > "bearer:".length()) {
            return bearer(text.substring("bearer:".length()));
        }
        throw new IllegalArgumentException(
                "invalid auth '" + text + "'. Use none, basic:user:password or bearer:token");
    }

    /** Checks an {@code Authorization} header value in constant time. */
    boolean accepts(String authorization) {
        if (mode == Mode.NONE) {
            return true;
        }
        if (authorization == null) {
            return false;
        }
        String expected =
                mode == Mode.BASIC
                        ? "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(
                                                (user + ":" + secret)
                                                        .getBytes(StandardCharsets.UTF_8))
                        : "Bearer " + secret;
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8),
                authorization.getBytes(StandardCharsets.UTF_8));
    }

    /** Returns the {@code WWW-Authenticate} challenge of a 401. */
    String challenge() {
        return mode == Mode.BASIC ? "Basic realm=\"Kestra\"" : "Bearer";
    }

    @Override
    public String toString() {
        // Keeps the secret out of logs.
        return mode == Mode.NONE ? "none" : mode.name().toLowerCase(Locale.ROOT) + ":***";
    }
}
