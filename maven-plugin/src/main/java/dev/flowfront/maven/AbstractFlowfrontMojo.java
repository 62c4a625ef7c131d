package dev.flowfront.maven;

import dev.flowfront.generator.api.AuthMode;
import dev.flowfront.generator.api.Branding;
import dev.flowfront.generator.api.CompileOptions;
import dev.flowfront.generator.api.Problem;
import dev.flowfront.generator.load.SourceFile;
import java.io.File;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** The parameters every Flowfront goal shares, and their translation into compile options. */
abstract class AbstractFlowfrontMojo extends AbstractMojo {

    /**
     * Folder of app YAML files ({@code *.yml}, {@code *.yaml}), searched recursively.
     *
     * @since 0.1.0
     */
    @Parameter(
            property = "flowfront.appsDirectory",
            defaultValue = "${project.basedir}/src/main/apps")
    protected File appsDirectory;

    /**
     * Folder of the flow YAML files the apps run, searched recursively.
     *
     * @since 0.1.0
     */
    @Parameter(
            property = "flowfront.flowsDirectory",
            defaultValue = "${project.basedir}/src/main/flows")
    protected File flowsDirectory;

    /**
     * Folder with one subfolder per namespace; an app's {@code thumbnail: nsfiles:///x.svg} is read
     * from {@code <this folder>/<app namespace>/x.svg}.
     *
     * @since 0.1.0
     */
    @Parameter(
            property = "flowfront.namespaceFilesDirectory",
            defaultValue = "${project.basedir}/src/main/namespace-files")
    protected File namespaceFilesDirectory;

    /**
     * Folder the site is written to. A successful build replaces it as a whole; a failed build
     * leaves it untouched.
     *
     * @since 0.1.0
     */
    @Parameter(
            property = "flowfront.outputDirectory",
            defaultValue = "${project.build.directory}/flowfront/site")
    protected File outputDirectory;

    /**
     * Kestra origin the pages call, with the context path if any but without {@code /api/v1}, such
     * as {@code https://kestra.example.com}. Empty: the pages call their own origin, which suits a
     * reverse proxy that serves both.
     *
     * @since 0.1.0
     */
    @Parameter(property = "flowfront.kestraUrl", defaultValue = "")
    protected String kestraUrl;

    /**
     * Tenant in API paths: {@code main} on open-source Kestra 0.23 and later. Empty for the
     * tenant-less paths of Kestra 0.22 and older.
     *
     * @since 0.1.0
     */
    @Parameter(property = "flowfront.tenant", defaultValue = "main")
    protected String tenant;

    /**
     * How pages authenticate to Kestra: {@code none} (a proxy adds credentials), {@code basic} (the
     * page asks for a user name and password), {@code bearer} (the page asks for an API token) or
     * {@code cookie} (a same-site gateway holds the session). No credential is ever written into
     * the site.
     *
     * @since 0.1.0
     */
    @Parameter(property = "flowfront.auth", defaultValue = "none")
    protected String auth;

    /**
     * Absolute URL the site is published at, such as {@code https://apps.example.com/}; used for
     * {@code {{ app.url }}}. Empty: pages use relative URLs only.
     *
     * @since 0.1.0
     */
    @Parameter(property = "flowfront.siteUrl", defaultValue = "")
    protected String siteUrl;

    /**
     * The catalog's title, colors and banner; see {@link BrandingParameters}. Maven cannot set a
     * nested element from a user property, so this one is set in the POM only.
     *
     * @since 0.1.0
     */
    @Parameter protected BrandingParameters branding;

    /**
     * Fails the build when an app has warnings, not only errors.
     *
     * @since 0.1.0
     */
    @Parameter(property = "flowfront.failOnWarning", defaultValue = "false")
    protected boolean failOnWarning;

    /**
     * Skips the goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "flowfront.skip", defaultValue = "false")
    protected boolean skip;

    protected CompileOptions compileOptions() throws MojoFailureException {
        AuthMode authMode =
                AuthMode.parse(auth == null ? "none" : auth)
                        .orElseThrow(
                                () ->
                                        new MojoFailureException(
                                                "<auth> is '"
                                                        + auth
                                                        + "'. Use none, basic, bearer or cookie,"
                                                        + " e.g. -Dflowfront.auth=bearer."));
        return CompileOptions.builder()
                .appsDirectory(appsDirectory.toPath())
                .flowsDirectory(flowsDirectory.toPath())
                .namespaceFilesDirectory(namespaceFilesDirectory.toPath())
                .outputDirectory(outputDirectory.toPath())
                .kestraUrl(kestraUrl)
                .tenant(tenant == null ? "" : tenant)
                .siteUrl(siteUrl)
                .auth(authMode)
                .branding(branding == null ? Branding.DEFAULT : branding.toBranding())
                .build();
    }

    /** Fails when the apps folder holds no app, with the fix in the message. */
    protected void requireApps() throws MojoFailureException {
        if (SourceFile.listYaml(List.of(appsDirectory.toPath())).isEmpty()) {
            throw new MojoFailureException(
                    "No app definitions in "
                            + appsDirectory
                            + " (looked for *.yml and *.yaml). Add one, or set <appsDirectory>"
                            + " in the plugin configuration.");
        }
    }

    /**
     * Logs warnings, then fails with every error (and every warning when failOnWarning is set), one
     * per line as {@code file:line:col: message. hint}.
     */
    protected void report(List<Problem> problems, int droppedCount) throws MojoFailureException {
        problems.stream()
                .filter(problem -> !problem.isError())
                .forEach(p -> getLog().warn(p.format()));
        List<Problem> failing =
                problems.stream().filter(p -> p.isError() || failOnWarning).toList();
        if (failing.isEmpty()) {
            return;
        }
        String list = failing.stream().map(Problem::format).collect(Collectors.joining("\n"));
        String more = droppedCount > 0 ? "\n(" + droppedCount + " more problems not shown)" : "";
        String kind = failing.stream().anyMatch(Problem::isError) ? "error" : "warning";
        throw new MojoFailureException(
                "Flowfront found "
                        + failing.size()
                        + " "
                        + kind
                        + (failing.size() == 1 ? "" : "s")
                        + " in the apps:\n"
                        + list
                        + more);
    }
}
