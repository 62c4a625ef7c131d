package dev.flowfront.generator.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A project of many small apps, each with its own flow, for tests that compare builds: apps in
 * three namespaces, Markdown the sanitizer warns about, namespace images and thumbnails.
 */
final class ProjectFixture {

    final Path apps;
    final Path flows;
    final Path namespaceFiles;
    final Path site;

    ProjectFixture(Path work) throws IOException {
        apps = Files.createDirectories(work.resolve("apps"));
        flows = Files.createDirectories(work.resolve("flows"));
        namespaceFiles = Files.createDirectories(work.resolve("namespace-files"));
        site = work.resolve("site");
    }

    /** Writes apps {@code 0} to {@code count - 1}, their flows and their images. */
    ProjectFixture withApps(int count) {
        for (int i = 0; i < count; i++) {
            writeApp(i, "");
            writeFlow(i, "");
        }
        return this;
    }

    CompileOptions.Builder options() {
        return CompileOptions.builder()
                .appsDirectory(apps)
                .flowsDirectory(flows)
                .namespaceFilesDirectory(namespaceFiles)
                .outputDirectory(site);
    }

    static String namespace(int number) {
        return "company.team" + (number % 3);
    }

    Path appFile(int number) {
        return apps.resolve(namespace(number)).resolve("app" + number + ".yaml");
    }

    Path flowFile(int number) {
        return flows.resolve(namespace(number)).resolve("flow" + number + ".yaml");
    }

    Path imageFile(int number) {
        return namespaceFiles.resolve(namespace(number)).resolve("images/app" + number + ".svg");
    }

    /**
     * Writes app {@code number}. Every fifth app has Markdown the sanitizer warns about, every
     * seventh a namespace image and a thumbnail; {@code extra} is appended as top-level YAML.
     */
    void writeApp(int number, String extra) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("id: app").append(number).append('\n');
        yaml.append("type: io.kestra.plugin.ee.apps.Execution\n");
        yaml.append("displayName: App number ").append(number).append('\n');
        yaml.append("description: Requests **number** ").append(number).append('\n');
        yaml.append("namespace: ").append(namespace(number)).append('\n');
        yaml.append("flowId: flow").append(number).append('\n');
        yaml.append("tags: [t").append(number % 4).append("]\n");

        if (number % 7 == 0) {
            yaml.append("thumbnail: nsfiles:///images/app").append(number).append(".svg\n");
        }

        yaml.append("layout:\n  - on: OPEN\n    blocks:\n");
        yaml.append("      - type: io.kestra.plugin.ee.apps.core.blocks.Markdown\n");
        yaml.append("        content: |\n");
        yaml.append("          Hello {{ inputs.name }} from app ").append(number).append('\n');
        if (number % 5 == 0) {
            yaml.append("          <b onclick=\"x()\">bold</b>\n");
        }
        if (number % 7 == 0) {
            yaml.append("      - type: io.kestra.plugin.ee.apps.core.blocks.Image\n");
            yaml.append("        url: nsfiles:///images/app").append(number).append(".svg\n");
            writeImage(number, "#0a" + (number % 10) + "0f0");
        }
        yaml.append(
                "      - type: io.kestra.plugin.ee.apps.execution.blocks.CreateExecutionForm\n");
        yaml.append(
                "      - type: io.kestra.plugin.ee.apps.execution.blocks.CreateExecutionButton\n");

        yaml.append("  - on: SUCCESS\n    blocks:\n");
        yaml.append("      - type: io.kestra.plugin.ee.apps.execution.blocks.Outputs\n");
        yaml.append(extra);
        write(appFile(number), yaml.toString());
    }

    /** Writes the flow of app {@code number}; {@code extraInputs} are appended to its inputs. */
    void writeFlow(int number, String extraInputs) {
        String yaml =
                "id: flow"
                        + number
                        + "\nnamespace: "
                        + namespace(number)
                        + "\ninputs:\n  - id: name\n    type: STRING\n"
                        + "    description: The name to greet\n"
                        + extraInputs
                        + "outputs:\n  - id: greeting\n    type: STRING\n"
                        + "    value: \"{{ outputs.log.message }}\"\n"
                        + "tasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n"
                        + "    message: hi\n";
        write(flowFile(number), yaml);
    }

    void writeImage(int number, String color) {
        write(
                imageFile(number),
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">"
                        + "<rect width=\"10\" height=\"10\" fill=\""
                        + color
                        + "\"/></svg>\n");
    }

    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
