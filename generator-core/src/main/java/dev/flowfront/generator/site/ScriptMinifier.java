package dev.flowfront.generator.site;

import com.google.javascript.jscomp.CompilationLevel;
import com.google.javascript.jscomp.Compiler;
import com.google.javascript.jscomp.CompilerOptions;
import com.google.javascript.jscomp.CompilerOptions.LanguageMode;
import com.google.javascript.jscomp.JSError;
import com.google.javascript.jscomp.Result;
import com.google.javascript.jscomp.SourceFile;
import com.google.javascript.jscomp.WarningLevel;
import dev.flowfront.generator.api.GeneratorException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Minifies the runtime script with Google's Closure Compiler in its SIMPLE mode, which removes
 * comments and white space and renames local variables but never renames properties, so the page
 * contract's data attributes and JSON keys are untouched.
 *
 * <p>Loading the compiler and minifying both runtime scripts took about 5.5 of the 7.7 seconds of a
 * command-line build of the sample apps (medians of 5 runs on a loaded 2-core machine). The build
 * of generator-core therefore minifies the templates module's runtime ahead of time (see {@link
 * PrebuiltScripts}), and this class runs only for another runtime. Results are kept per source text
 * for the life of the JVM, so a warm rebuild of a site reuses the script. Thread-safe.
 */
final class ScriptMinifier {

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private ScriptMinifier() {}

    /**
     * Returns the minified script.
     *
     * @throws GeneratorException when the Closure Compiler rejects the script, which means the
     *     runtime shipped in the templates module is broken
     */
    static String minify(String name, String script) {
        return CACHE.computeIfAbsent(script, source -> compile(name, source));
    }

    private static String compile(String name, String script) {
        CompilerOptions options = new CompilerOptions();
        CompilationLevel.SIMPLE_OPTIMIZATIONS.setOptionsForCompilationLevel(options);
        WarningLevel.QUIET.setOptionsForWarningLevel(options);
        options.setLanguageIn(LanguageMode.ECMASCRIPT_2021);
        // Output keeps the modern syntax the runtime is written in; every browser that runs the
        // runtime's fetch streams and optional chaining also reads ES2021.
        options.setLanguageOut(LanguageMode.ECMASCRIPT_2021);
        // The script is only the runtime's function, so a file-level directive keeps it strict.
        options.setEmitUseStrict(true);
        Compiler compiler = new Compiler(new PrintStream(OutputStream.nullOutputStream()));
        Result result =
                compiler.compile(
                        List.<SourceFile>of(), List.of(SourceFile.fromCode(name, script)), options);
        if (!result.success) {
            String errors =
                    result.errors.stream().map(JSError::toString).collect(Collectors.joining("; "));
            throw new GeneratorException(
                    "The runtime script " + name + " does not compile: " + errors);
        }
        return compiler.toSource() + "\n";
    }
}
