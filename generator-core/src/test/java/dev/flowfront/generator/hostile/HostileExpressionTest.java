package dev.flowfront.generator.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowfront.generator.api.CompileOptions;
import dev.flowfront.generator.api.CompileResult;
import dev.flowfront.generator.api.Problem;
import dev.flowfront.generator.api.TestSites;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expressions that crash Pebble's parser end as located build errors, not stack traces. */
class HostileExpressionTest {

    @TempDir Path work;

    @Test
    void callOnCallResultIsLocatedError() throws IOException {
        HostileSite inputs = new HostileSite(work);
        inputs.app(
                "crash",
                "layout:\n  - on: OPEN\n    blocks:\n"
                        + "      - type: io.kestra.plugin.ee.apps.core.blocks.Markdown\n"
                        + "        content: \"{{ constructor.constructor('alert(1)')() }}\"\n");

        CompileResult result =
                TestSites.compiler()
                        .validate(
                                CompileOptions.builder()
                                        .appsDirectory(inputs.apps)
                                        .flowsDirectory(inputs.flows)
                                        .build());

        assertThat(result.hasErrors()).isTrue();
        Problem problem = result.problems().get(0);
        assertThat(problem.format()).containsPattern("crash\\.yaml:9:\\d+: invalid expression");
    }
}
