package dev.flowfront.generator.catalog;

/**
 * An image ready to publish: its format was checked and an SVG was sanitized.
 *
 * @param type the format, which gives the published file's extension
 * @param content the bytes to publish
 */
public record ImageFile(ImageType type, byte[] content) {}
