package dev.flowfront.preview.simulator;

/**
 * A value sent for an input: the text of a multipart part, or an uploaded file.
 *
 * @param text the part's text; null for a file
 * @param fileName the uploaded file's name; null for text
 * @param bytes the uploaded file's content; null for text
 */
public record InputValue(String text, String fileName, byte[] bytes) {

    public static InputValue text(String text) {
        return new InputValue(text, null, null);
    }

    public static InputValue file(String fileName, byte[] bytes) {
        return new InputValue(null, fileName, bytes);
    }

    public boolean isFile() {
        return bytes != null;
    }
}
