package dev.flowfront.generator.render;

import io.pebbletemplates.pebble.loader.ClasspathLoader;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads templates from the classpath and caches the paths that {@code include} and {@code import}
 * tags resolve. Pebble resolves the name of an included template on every include, with regular
 * expressions, and a page includes a template for each block and form field. The resolution depends
 * only on the two names, so caching it is safe. Thread-safe.
 */
final class TemplateLoader extends ClasspathLoader {

    /** Resolved paths by the two names joined with a NUL, which a template name cannot contain. */
    private final Map<String, Optional<String>> resolved = new ConcurrentHashMap<>();

    TemplateLoader(ClassLoader classLoader) {
        super(classLoader);
    }

    @Override
    public String resolveRelativePath(String relativePath, String anchorPath) {
        String key = relativePath + '\0' + anchorPath;
        Optional<String> path = resolved.get(key);
        if (path == null) {
            path = Optional.ofNullable(super.resolveRelativePath(relativePath, anchorPath));
            resolved.put(key, path);
        }
        return path.orElse(null);
    }
}
