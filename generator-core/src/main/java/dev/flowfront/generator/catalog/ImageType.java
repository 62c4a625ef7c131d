package dev.flowfront.generator.catalog;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The image formats accepted for thumbnails, each recognised by its signature bytes. */
public enum ImageType {
    SVG("svg", "SVG"),
    PNG("png", "PNG"),
    JPEG("jpg", "JPEG"),
    GIF("gif", "GIF"),
    WEBP("webp", "WebP");

    private static final byte[] PNG_SIGNATURE = {
        (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'
    };

    private final String extension;
    private final String displayName;

    ImageType(String extension, String displayName) {
        this.extension = extension;
        this.displayName = displayName;
    }

    /** Returns the extension the published file gets, without a dot. */
    public String extension() {
        return extension;
    }

    public String displayName() {
        return displayName;
    }

    /** Returns the type a file name's extension claims, case-insensitively; empty if unknown. */
    public static Optional<ImageType> fromFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return switch (extension) {
            case "svg" -> Optional.of(SVG);
            case "png" -> Optional.of(PNG);
            case "jpg", "jpeg" -> Optional.of(JPEG);
            case "gif" -> Optional.of(GIF);
            case "webp" -> Optional.of(WEBP);
            default -> Optional.empty();
        };
    }

    /**
     * Returns whether the content starts the way files of this type do. For SVG, which has no
     * signature, the content must be markup whose first element is {@code <svg>}; {@link
     * SvgSanitizer} then checks the root element properly.
     */
    public boolean matches(byte[] content) {
        return switch (this) {
            case PNG -> startsWith(content, 0, PNG_SIGNATURE);
            case JPEG -> startsWith(content, 0, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff});
            case GIF ->
                    startsWith(content, 0, ascii("GIF87a"))
                            || startsWith(content, 0, ascii("GIF89a"));
            case WEBP ->
                    startsWith(content, 0, ascii("RIFF")) && startsWith(content, 8, ascii("WEBP"));
            case SVG -> looksLikeSvg(content);
        };
    }

    private static boolean looksLikeSvg(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8).replace("\uFEFF", "").strip();
        return text.startsWith("<") && text.contains("<svg");
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean startsWith(byte[] content, int offset, byte[] prefix) {
        return content.length >= offset + prefix.length
                && Arrays.equals(content, offset, offset + prefix.length, prefix, 0, prefix.length);
    }
}
