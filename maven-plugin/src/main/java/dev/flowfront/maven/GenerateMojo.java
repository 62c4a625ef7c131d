package dev.flowfront.maven;

import dev.flowfront.generator.api.AppCompiler;
import dev.flowfront.generator.api.BuildFingerprint;
import dev.flowfront.generator.api.CompileOptions;
import dev.flowfront.generator.api.CompileResult;
import dev.flowfront.generator.api.GeneratorException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Compiles the apps and flows into a static site: one page per app, the catalog and the shared
 * assets. Skips the work when no input, option or generator version changed since the last
 * successful run.
 *
 * @since 0.1.0
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class GenerateMojo extends AbstractFlowfrontMojo {

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping Flowfront generate: flowfront.skip is true.");
            return;
        }
        requireApps();
        CompileOptions options = compileOptions();
        try {
            String fingerprint = BuildFingerprint.compute(options);
            if (BuildFingerprint.isUpToDate(options, fingerprint)) {
                getLog().info(
                                "Skipping Flowfront generate: no app, flow, namespace file or"
                                        + " option changed since the last build of "
                                        + outputDirectory
                                        + ".");
                return;
            }
            BuildFingerprint.clear(options);
            CompileResult result = new AppCompiler().compile(options);
            report(result.problems(), result.droppedCount());
            BuildFingerprint.store(options, fingerprint);
        } catch (GeneratorException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }
}
