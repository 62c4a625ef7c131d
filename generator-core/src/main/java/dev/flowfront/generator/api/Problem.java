package dev.flowfront.generator.api;

import java.util.Objects;

/**
 * Something wrong in an input file, kept as data so that a build can report every problem at once.
 *
 * @param severity ERROR stops the build; WARNING is reported and the build goes on
 * @param location where the problem is
 * @param message what is wrong, and where in the app, without a trailing period
 * @param hint how to fix it, without a trailing period; may be empty
 */
public record Problem(Severity severity, SourceLocation location, String message, String hint)
        implements Comparable<Problem> {

    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
        hint = hint == null ? "" : hint;
    }

    public static Problem error(SourceLocation location, String message, String hint) {
        return new Problem(Severity.ERROR, location, message, hint);
    }

    public static Problem warning(SourceLocation location, String message, String hint) {
        return new Problem(Severity.WARNING, location, message, hint);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** Formats the problem as {@code file:line:col: message. hint.}, the form build logs use. */
    public String format() {
        StringBuilder text = new StringBuilder().append(location).append(": ").append(message);
        endSentence(text);
        if (!hint.isEmpty()) {
            text.append(' ').append(hint);
            endSentence(text);
        }
        return text.toString();
    }

    private static void endSentence(StringBuilder text) {
        char last = text.charAt(text.length() - 1);
        if (last != '.' && last != '?' && last != '!') {
            text.append('.');
        }
    }

    @Override
    public int compareTo(Problem other) {
        int byLocation = location.compareTo(other.location);
        return byLocation != 0 ? byLocation : message.compareTo(other.message);
    }

    @Override
    public String toString() {
        return severity + " " + format();
    }
}
