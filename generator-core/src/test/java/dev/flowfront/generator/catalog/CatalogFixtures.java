package dev.flowfront.generator.catalog;

import dev.flowfront.generator.api.ProblemCollector;
import dev.flowfront.generator.load.AppLoader;
import dev.flowfront.generator.load.SourceFile;
import dev.flowfront.generator.yaml.YamlReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Loads the fixture site under {@code src/test/resources/catalog/site} and writes catalogs. */
final class CatalogFixtures {

    /** Build time of the fixture site: after the survey ended, inside the resources window. */
    static final Clock BUILD_CLOCK =
            Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

    private CatalogFixtures() {}

    static Path site() {
        try {
            return Path.of(CatalogFixtures.class.getResource("/catalog/site").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path namespaceFiles() {
        return site().resolve("namespace-files");
    }

    /** Loads every app below the folder, failing on any loader problem. */
    static List<CatalogApp> load(Path appsFolder) {
        ProblemCollector problems = new ProblemCollector();
        AppLoader loader = new AppLoader(new YamlReader(), problems);
        List<CatalogApp> apps =
                SourceFile.listYaml(List.of(appsFolder)).stream()
                        .map(file -> loader.load(file).orElseThrow())
                        .map(
                                app ->
                                        new CatalogApp(
                                                app,
                                                "apps/" + app.namespace() + "/" + app.id() + "/"))
                        .toList();
        if (problems.hasErrors()) {
            throw new IllegalStateException("Fixture apps have errors: " + problems.sorted());
        }
        return apps;
    }

    static List<CatalogApp> fixtureApps() {
        return load(site().resolve("apps"));
    }

    /** Writes the catalog's files and assets into the folder, as the compiler would. */
    static CatalogOutput write(CatalogOutput output, Path folder) {
        output.files()
                .forEach(
                        (path, content) -> {
                            try {
                                Files.write(folder.resolve(path), content);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        });
        return output;
    }
}
