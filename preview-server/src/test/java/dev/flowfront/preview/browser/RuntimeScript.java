package dev.flowfront.preview.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The runtime scripts as pages load them, not minified: the files that {@code
 * runtime/<part>/manifest.txt} lists, joined in order inside one strict-mode function, as the
 * generator writes {@code flowfront-<hash>.js} (part {@code critical}) and {@code
 * flowfront-deferred-<hash>.js} (part {@code deferred}).
 */
final class RuntimeScript {

    private static final String ROOT = "dev/flowfront/templates/runtime/";

    private RuntimeScript() {}

    static String build(String part) {
        StringBuilder script = new StringBuilder("(function () {\n'use strict';\n");
        for (String line : read(part + "/manifest.txt").split("\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                script.append("\n// ")
                        .append(name)
                        .append('\n')
                        .append(read(part + "/" + name))
                        .append('\n');
            }
        }
        return script.append("})();\n").toString();
    }

    private static String read(String name) {
        try (InputStream in =
                RuntimeScript.class.getClassLoader().getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException(
                        "Runtime file " + ROOT + name + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
