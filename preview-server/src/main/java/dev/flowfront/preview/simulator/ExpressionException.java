package dev.flowfront.preview.simulator;

/** A Kestra expression that cannot be rendered; the message is the one Kestra would log. */
public final class ExpressionException extends Exception {

    ExpressionException(String message, Throwable cause) {
        super(message, cause);
    }
}
