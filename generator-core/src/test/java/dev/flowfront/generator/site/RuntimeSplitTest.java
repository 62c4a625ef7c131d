package dev.flowfront.generator.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Checks the hand-over between the two runtime scripts. The page script passes its shared values as
 * an array, and the deferred script takes the array apart by position, so a name added to one list
 * and not to the other would silently shift every later name.
 */
class RuntimeSplitTest {

    private static final String RUNTIME = StaticAssets.TEMPLATES_ROOT + "runtime/";

    private static final Pattern SHARED =
            Pattern.compile(
                    "function sharedRuntime\\(attach\\) \\{\\s*return \\[(.*?)\\];",
                    Pattern.DOTALL);

    private static final Pattern IMPORTED =
            Pattern.compile("const \\[(.*?)\\] = runtime;", Pattern.DOTALL);

    @Test
    void deferredScriptImportsSharedNamesInOrder() throws IOException {
        List<String> shared = names(SHARED, read("critical/boot.js"));
        List<String> imported = names(IMPORTED, read("deferred/imports.js"));

        assertThat(shared).startsWith("attach", "() => state");
        assertThat(imported).startsWith("attach", "currentState");
        assertThat(imported.subList(2, imported.size()))
                .containsExactlyElementsOf(shared.subList(2, shared.size()));
    }

    private static List<String> names(Pattern list, String source) {
        Matcher matcher = list.matcher(source);
        assertThat(matcher.find()).as("list %s in the runtime source", list).isTrue();
        return Arrays.stream(matcher.group(1).split(","))
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .toList();
    }

    private static String read(String name) throws IOException {
        try (InputStream in =
                RuntimeSplitTest.class.getClassLoader().getResourceAsStream(RUNTIME + name)) {
            assertThat(in).as("runtime file %s on the classpath", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
