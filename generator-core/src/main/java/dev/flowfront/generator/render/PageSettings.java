package dev.flowfront.generator.render;

import dev.flowfront.generator.api.AssetSink;
import dev.flowfront.generator.api.CompileOptions;
import dev.flowfront.generator.catalog.LinkedAsset;
import dev.flowfront.generator.site.NamespaceFiles;
import dev.flowfront.generator.site.StaticAssets;

/**
 * Settings that every page of one build shares.
 *
 * @param options the build's options
 * @param links the runtime scripts and the stylesheet, with paths relative to the site root
 * @param branding the stylesheet of branding colors, linked after the shared one
 * @param assets where images go
 * @param namespaceFiles resolves {@code nsfiles:///} URIs
 */
public record PageSettings(
        CompileOptions options,
        StaticAssets.Links links,
        LinkedAsset branding,
        AssetSink assets,
        NamespaceFiles namespaceFiles) {}
