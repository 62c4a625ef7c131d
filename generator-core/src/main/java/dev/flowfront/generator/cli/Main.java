package dev.flowfront.generator.cli;

import dev.flowfront.generator.api.AppCompiler;
import dev.flowfront.generator.api.AuthMode;
import dev.flowfront.generator.api.CompileOptions;
import dev.flowfront.generator.api.CompileResult;
import dev.flowfront.generator.api.GeneratorException;
import dev.flowfront.generator.api.Problem;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The command line: compiles a folder of apps and flows into a site, for pipelines without Maven.
 *
 * <p>Exit codes: 0 when the site was written, 1 when the input has errors (each printed to stderr
 * as {@code file:line:col: message. hint}), 2 for a usage, I/O or internal error.
 */
public final class Main {

    /** The site was written. */
    public static final int OK = 0;

    /** The input has errors; the output folder is unchanged. */
    public static final int INPUT_ERRORS = 1;

    /** The command line is wrong, a file could not be read or written, or the compiler failed. */
    public static final int USAGE_OR_IO_ERROR = 2;

    private static final String LOG_LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";

    static final String USAGE =
            """
            Usage: java -jar flowfront-cli.jar --apps DIR --flows DIR --out DIR [options]

            Compiles Kestra App and flow YAML into a static site.

              --apps DIR             folder of app YAML files, searched recursively; repeatable
              --flows DIR            folder of flow YAML files, searched recursively; repeatable
              --namespace-files DIR  folder with one subfolder per namespace, for nsfiles:/// URIs
              --out DIR              the site folder; replaced as a whole when the build succeeds
              --kestra-url URL       Kestra origin the pages call, without /api/v1;
                                     default: the page's own origin
              --tenant NAME          tenant in API paths (default: main); empty for Kestra 0.22
                                     and older
              --site-url URL         absolute URL the site is published at, for {{ app.url }}
              --auth MODE            none (default), basic, bearer or cookie
              --help                 print this help

            Exit codes: 0 success, 1 errors in the input, 2 usage, I/O or internal error.
            Build logs: java -Dorg.slf4j.simpleLogger.defaultLogLevel=debug -jar flowfront-cli.jar ...
            """;

    private Main() {}

    public static void main(String[] args) {
        // The command line prints its own summary, so the library's logs stay quiet unless the
        // user asks for them with -Dorg.slf4j.simpleLogger.defaultLogLevel=info or debug.
        if (System.getProperty(LOG_LEVEL_PROPERTY) == null) {
            System.setProperty(LOG_LEVEL_PROPERTY, "warn");
        }
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the command line without exiting the JVM.
     *
     * @return the exit code
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, new AppCompiler());
    }

    static int run(String[] args, PrintStream out, PrintStream err, AppCompiler compiler) {
        CompileOptions options;
        try {
            Arguments arguments = Arguments.parse(Arrays.asList(args));
            if (arguments.help()) {
                out.print(USAGE);
                return OK;
            }
            options = arguments.toOptions();
        } catch (UsageException e) {
            err.println("flowfront: " + e.getMessage());
            err.println("Run with --help for the options.");
            return USAGE_OR_IO_ERROR;
        }
        CompileResult result;
        try {
            result = compiler.compile(options);
        } catch (GeneratorException e) {
            err.println("flowfront: " + e.getMessage());
            return USAGE_OR_IO_ERROR;
        } catch (RuntimeException e) {
            // A bug, not a mistake in the input: the JVM's own exit code for an uncaught
            // exception is 1, which pipelines would read as "the input has errors".
            err.println("flowfront: internal error, please report it with this trace:");
            e.printStackTrace(err);
            return USAGE_OR_IO_ERROR;
        }
        for (Problem problem : result.problems()) {
            // Errors keep the bare file:line:col form that editors and CI annotations parse.
            err.println(problem.isError() ? problem.format() : "warning: " + problem.format());
        }
        if (result.droppedCount() > 0) {
            err.println(result.droppedCount() + " more problems were found and not listed.");
        }
        if (result.hasErrors()) {
            err.println(
                    "flowfront: "
                            + result.errorCount()
                            + (result.errorCount() == 1 ? " error; " : " errors; ")
                            + options.outputDirectory()
                            + " is unchanged.");
            return INPUT_ERRORS;
        }
        out.println(
                "flowfront: wrote "
                        + result.pages().size()
                        + (result.pages().size() == 1 ? " app page to " : " app pages to ")
                        + options.outputDirectory());
        return OK;
    }

    /** An invalid command line. The message names the option and the reason. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    /** The parsed command line. */
    record Arguments(
            boolean help,
            List<Path> apps,
            List<Path> flows,
            Path namespaceFiles,
            Path out,
            String kestraUrl,
            String tenant,
            String siteUrl,
            AuthMode auth) {

        static Arguments parse(List<String> args) throws UsageException {
            List<Path> apps = new ArrayList<>();
            List<Path> flows = new ArrayList<>();
            Path namespaceFiles = null;
            Path out = null;
            String kestraUrl = "";
            String tenant = "main";
            String siteUrl = "";
            AuthMode auth = AuthMode.NONE;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                String name = arg;
                String value = null;
                int equals = arg.indexOf('=');
                if (arg.startsWith("--") && equals > 0) {
                    name = arg.substring(0, equals);
                    value = arg.substring(equals + 1);
                }
                if (name.equals("--help") || name.equals("-h")) {
                    return new Arguments(true, apps, flows, null, null, "", "", "", auth);
                }
                if (!isValueOption(name)) {
                    throw new UsageException("unknown option '" + arg + "'");
                }
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException("option " + name + " needs a value");
                    }
                    value = args.get(++i);
                }
                switch (name) {
                    case "--apps" -> apps.add(folder(name, value));
                    case "--flows" -> flows.add(folder(name, value));
                    case "--namespace-files" -> namespaceFiles = folder(name, value);
                    case "--out" -> out = Path.of(value);
                    case "--kestra-url" -> kestraUrl = value;
                    case "--tenant" -> tenant = value;
                    case "--site-url" -> siteUrl = value;
                    case "--auth" -> auth = authMode(value);
                    default -> throw new IllegalStateException(name);
                }
            }
            if (apps.isEmpty()) {
                throw new UsageException("missing --apps DIR");
            }
            if (flows.isEmpty()) {
                throw new UsageException("missing --flows DIR");
            }
            if (out == null) {
                throw new UsageException("missing --out DIR");
            }
            return new Arguments(
                    false, apps, flows, namespaceFiles, out, kestraUrl, tenant, siteUrl, auth);
        }

        private static boolean isValueOption(String name) {
            return List.of(
                            "--apps",
                            "--flows",
                            "--namespace-files",
                            "--out",
                            "--kestra-url",
                            "--tenant",
                            "--site-url",
                            "--auth")
                    .contains(name);
        }

        private static Path folder(String option, String value) throws UsageException {
            Path path = Path.of(value);
            if (!Files.isDirectory(path)) {
                throw new UsageException(option + " " + value + ": folder not found");
            }
            return path;
        }

        private static AuthMode authMode(String value) throws UsageException {
            return AuthMode.parse(value)
                    .orElseThrow(
                            () ->
                                    new UsageException(
                                            "--auth '"
                                                    + value
                                                    + "' is not an auth mode; use none, basic,"
                                                    + " bearer or cookie"));
        }

        CompileOptions toOptions() {
            CompileOptions.Builder builder =
                    CompileOptions.builder()
                            .namespaceFilesDirectory(namespaceFiles)
                            .outputDirectory(out)
                            .kestraUrl(kestraUrl)
                            .tenant(tenant)
                            .siteUrl(siteUrl)
                            .auth(auth);
            apps.forEach(builder::appsDirectory);
            flows.forEach(builder::flowsDirectory);
            return builder.build();
        }
    }
}
