package dev.flowfront.generator.api;

/**
 * An I/O failure or a bug, as opposed to a mistake in the input, which is a {@link Problem}. The
 * message names the file or folder involved.
 */
public class GeneratorException extends RuntimeException {

    public GeneratorException(String message, Throwable cause) {
        super(message, cause);
    }

    public GeneratorException(String message) {
        super(message);
    }
}
