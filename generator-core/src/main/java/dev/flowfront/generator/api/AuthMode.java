package dev.flowfront.generator.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a page authenticates its calls to Kestra. A build never embeds a credential. */
public enum AuthMode {
    /** No credentials; a proxy in front of Kestra adds them. The usual choice for PUBLIC apps. */
    NONE,
    /** The page asks for a user name and password and sends HTTP basic auth. */
    BASIC,
    /** The page asks for an API token and sends it as a bearer token. */
    BEARER,
    /** The browser sends a session cookie that a same-site gateway set. */
    COOKIE;

    /** The lower-case name used in configuration and in the page: {@code none}, {@code basic}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AuthMode> parse(String text) {
        return Arrays.stream(values())
                .filter(mode -> mode.configName().equalsIgnoreCase(text.trim()))
                .findFirst();
    }
}
