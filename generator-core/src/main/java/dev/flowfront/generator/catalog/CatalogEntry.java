package dev.flowfront.generator.catalog;

/**
 * The tile of one app, prepared by {@link CatalogRenderer#entry} before the catalog is assembled:
 * the app, its checked thumbnail and its rendered description. It keeps no definition beyond what
 * {@link CatalogApp} contains, so a build can keep one per app.
 */
public final class CatalogEntry {

    private final CatalogApp app;
    private final ImageFile thumbnail;
    private final TileDescription description;

    CatalogEntry(CatalogApp app, ImageFile thumbnail, TileDescription description) {
        this.app = app;
        this.thumbnail = thumbnail;
        this.description = description;
    }

    public CatalogApp app() {
        return app;
    }

    /** Returns the sanitized thumbnail, or null when the app has none or it is unusable. */
    ImageFile thumbnail() {
        return thumbnail;
    }

    TileDescription description() {
        return description;
    }
}
