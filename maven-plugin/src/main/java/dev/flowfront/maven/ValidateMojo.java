package dev.flowfront.maven;

import dev.flowfront.generator.api.AppCompiler;
import dev.flowfront.generator.api.CompileResult;
import dev.flowfront.generator.api.GeneratorException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Runs every check of {@code generate} without writing anything, for lint steps in CI.
 *
 * @since 0.1.0
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class ValidateMojo extends AbstractFlowfrontMojo {

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping Flowfront validate: flowfront.skip is true.");
            return;
        }
        requireApps();
        try {
            CompileResult result = new AppCompiler().validate(compileOptions());
            report(result.problems(), result.droppedCount());
        } catch (GeneratorException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }
}
