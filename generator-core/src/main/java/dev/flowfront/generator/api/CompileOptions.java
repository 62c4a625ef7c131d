package dev.flowfront.generator.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to compile and where to write it. Build one with {@link #builder()}.
 *
 * @param appsDirectories folders searched recursively for app YAML files
 * @param flowsDirectories folders searched recursively for flow YAML files
 * @param namespaceFilesDirectory folder with one subfolder per namespace; thumbnails resolve inside
 *     it; may be null
 * @param outputDirectory the site folder; replaced as a whole when a build succeeds
 * @param kestraUrl the Kestra origin pages call, without {@code /api/v1}; empty for the page's own
 *     origin
 * @param tenant the tenant in API paths ({@code main} on open-source Kestra); empty for the
 *     tenant-less paths of Kestra 0.22 and older
 * @param siteUrl the absolute URL the site is published at, or empty to use relative URLs only
 * @param auth how pages authenticate to Kestra
 * @param branding the catalog's and pages' look
 */
public record CompileOptions(
        List<Path> appsDirectories,
        List<Path> flowsDirectories,
        Path namespaceFilesDirectory,
        Path outputDirectory,
        String kestraUrl,
        String tenant,
        String siteUrl,
        AuthMode auth,
        Branding branding) {

    public CompileOptions {
        appsDirectories = List.copyOf(appsDirectories);
        flowsDirectories = List.copyOf(flowsDirectories);
        kestraUrl = Objects.requireNonNullElse(kestraUrl, "");
        tenant = Objects.requireNonNullElse(tenant, "");
        siteUrl = Objects.requireNonNullElse(siteUrl, "");
        auth = Objects.requireNonNullElse(auth, AuthMode.NONE);
        branding = Objects.requireNonNullElse(branding, Branding.DEFAULT);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link CompileOptions}; defaults: tenant {@code main}, auth NONE, no branding. */
    public static final class Builder {
        private final List<Path> appsDirectories = new ArrayList<>();
        private final List<Path> flowsDirectories = new ArrayList<>();
        private Path namespaceFilesDirectory;
        private Path outputDirectory;
        private String kestraUrl = "";
        private String tenant = "main";
        private String siteUrl = "";
        private AuthMode auth = AuthMode.NONE;
        private Branding branding = Branding.DEFAULT;

        private Builder() {}

        public Builder appsDirectory(Path folder) {
            appsDirectories.add(folder);
            return this;
        }

        public Builder flowsDirectory(Path folder) {
            flowsDirectories.add(folder);
            return this;
        }

        public Builder namespaceFilesDirectory(Path folder) {
            this.namespaceFilesDirectory = folder;
            return this;
        }

        public Builder outputDirectory(Path folder) {
            this.outputDirectory = folder;
            return this;
        }

        public Builder kestraUrl(String url) {
            this.kestraUrl = url;
            return this;
        }

        public Builder tenant(String tenant) {
            this.tenant = tenant;
            return this;
        }

        public Builder siteUrl(String url) {
            this.siteUrl = url;
            return this;
        }

        public Builder auth(AuthMode auth) {
            this.auth = auth;
            return this;
        }

        public Builder branding(Branding branding) {
            this.branding = branding;
            return this;
        }

        public CompileOptions build() {
            return new CompileOptions(
                    appsDirectories,
                    flowsDirectories,
                    namespaceFilesDirectory,
                    outputDirectory,
                    kestraUrl,
                    tenant,
                    siteUrl,
                    auth,
                    branding);
        }
    }
}
