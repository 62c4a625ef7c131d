package dev.flowfront.benchmarks.synthetic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * A deterministic generator of Kestra projects for benchmarks. App number {@code i} depends only on
 * the seed and {@code i}, so a project of 100 apps is the first tenth of a project of 1,000.
 *
 * <p>A project folder contains {@code apps/<namespace>/<app>.yaml}, {@code
 * flows/<namespace>/<flow>.yaml} and {@code namespace-files/<namespace>/thumbnails/*.svg}, the
 * layout the compiler's command line reads.
 */
public final class SyntheticProject {

    /** Every stage a synthetic layout may cover. */
    public static final List<String> STAGES =
            List.of(
                    "OPEN",
                    "CREATED",
                    "RUNNING",
                    "PAUSE",
                    "RESUME",
                    "SUCCESS",
                    "FAILURE",
                    "FALLBACK");

    private final long seed;

    public SyntheticProject(long seed) {
        this.seed = seed;
    }

    /** Creates app number {@code index} without writing it. */
    public SyntheticApp app(int index) {
        // Mixing the index into the seed gives each app its own stream.
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
        return AppFactory.create(random, index);
    }

    /** Creates apps {@code 0} to {@code count - 1}. */
    public List<SyntheticApp> apps(int count) {
        List<SyntheticApp> apps = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            apps.add(app(i));
        }
        return apps;
    }

    /**
     * Writes {@code apps} under {@code root}, which must not hold files of another project.
     *
     * @throws IOException when a file cannot be written
     */
    public static void write(Path root, List<SyntheticApp> apps) throws IOException {
        TreeSet<String> thumbnails = new TreeSet<>();
        for (SyntheticApp app : apps) {
            Path appFile =
                    root.resolve("apps").resolve(app.namespace()).resolve(app.appId() + ".yaml");
            Path flowFile =
                    root.resolve("flows").resolve(app.namespace()).resolve(app.flowId() + ".yaml");
            writeString(appFile, app.appYaml());
            writeString(flowFile, app.flowYaml());
            if (app.thumbnail() != null
                    && thumbnails.add(app.namespace() + "/" + app.thumbnail())) {
                Path svg =
                        root.resolve("namespace-files")
                                .resolve(app.namespace())
                                .resolve(app.thumbnail());
                writeString(svg, thumbnail(app.namespace()));
            }
        }
        Files.createDirectories(root.resolve("namespace-files"));
    }

    private static String thumbnail(String namespace) {
        int hue = Math.floorMod(namespace.hashCode(), 360);
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" height=\"64\""
                + " viewBox=\"0 0 64 64\"><rect width=\"64\" height=\"64\" rx=\"8\" fill=\"hsl("
                + hue
                + ",60%,45%)\"/><circle cx=\"32\" cy=\"32\" r=\"14\" fill=\"#fff\"/></svg>\n";
    }

    static void writeString(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
