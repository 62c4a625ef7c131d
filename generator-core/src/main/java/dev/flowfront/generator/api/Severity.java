package dev.flowfront.generator.api;

/** How serious a {@link Problem} is: an ERROR stops the build, a WARNING does not. */
public enum Severity {
    ERROR,
    WARNING
}
