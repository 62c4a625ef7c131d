package dev.flowfront.generator.hostile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A minimal app, flow and namespace-files folder that each hostile build test spoils in one way.
 */
final class HostileSite {

    static final String FLOW =
            """
            id: myflow
            namespace: company.team
            tasks:
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: hi
            """;

    final Path apps;
    final Path flows;
    final Path namespaceFiles;
    final Path site;

    HostileSite(Path work) throws IOException {
        apps = Files.createDirectories(work.resolve("apps"));
        flows = Files.createDirectories(work.resolve("flows"));
        namespaceFiles = Files.createDirectories(work.resolve("nsfiles"));
        Files.createDirectories(namespaceFiles.resolve("company.team"));
        site = work.resolve("site");
        Files.writeString(flows.resolve("myflow.yaml"), FLOW);
    }

    /** Writes an app file of the given id; {@code extra} is appended as top-level YAML. */
    Path app(String id, String extra) throws IOException {
        return Files.writeString(
                apps.resolve(id + ".yaml"),
                "id: "
                        + id
                        + "\ntype: io.kestra.plugin.ee.apps.Execution\n"
                        + "namespace: company.team\nflowId: myflow\n"
                        + extra);
    }

    String[] cliArguments() {
        return new String[] {
            "--apps", apps.toString(),
            "--flows", flows.toString(),
            "--namespace-files", namespaceFiles.toString(),
            "--out", site.toString()
        };
    }
}
