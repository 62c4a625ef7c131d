package dev.flowfront.preview.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowfront.generator.cli.Main;
import dev.flowfront.preview.PreviewServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Kestra apps of the corpus compiled by the command line into a temporary site, served by
 * the preview server with its Kestra simulator playing the corpus flows. Tests that use it are
 * skipped unless {@code -Dflowfront.corpus=DIR} names the corpus folder.
 */
final class CorpusSite implements AutoCloseable {

    private final Path siteFolder;
    private final PreviewServer server;

    private CorpusSite(Path siteFolder, PreviewServer server) {
        this.siteFolder = siteFolder;
        this.server = server;
    }

    /** Skips the calling test class when no corpus is configured. */
    static Path corpusOrSkip() {
        String corpus = System.getProperty("flowfront.corpus", "");
        Assumptions.assumeTrue(!corpus.isBlank(), "set -Dflowfront.corpus=DIR to run corpus tests");
        return Paths.get(corpus);
    }

    /**
     * Compiles and serves the corpus.
     *
     * @param speed how much faster than real time the simulator plays flows. A value below 1 slows
     *     them, so that short stages such as CREATED stay on screen long enough to be checked.
     */
    static CorpusSite start(Path corpus, double speed) {
        try {
            Path site = Files.createTempDirectory("flowfront-corpus-site");
            ByteArrayOutputStream messages = new ByteArrayOutputStream();
            PrintStream stream = new PrintStream(messages, true, StandardCharsets.UTF_8);
            int exit =
                    Main.run(
                            new String[] {
                                "--apps", corpus.resolve("apps").toString(),
                                "--flows", corpus.resolve("flows").toString(),
                                "--out", site.toString()
                            },
                            stream,
                            stream);
            assertThat(exit).as("compiling the corpus:%n%s", messages).isZero();
            PreviewServer server =
                    PreviewServer.builder()
                            .site(site)
                            .flows(corpus.resolve("flows"))
                            .fixtures(fixtures())
                            .port(0)
                            .speed(speed)
                            .start();
            return new CorpusSite(site, server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path fixtures() {
        try {
            return Paths.get(CorpusSite.class.getResource("fixtures").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    PreviewServer server() {
        return server;
    }

    /** The URL of an app's page, as the generator lays pages out. */
    String pageUrl(String appId) {
        return server.url().resolve("apps/company.team/" + appId + "/index.html").toString();
    }

    @Override
    public void close() {
        server.close();
        try (Stream<Path> files = Files.walk(siteFolder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
