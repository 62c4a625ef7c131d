/**
 * Rules that check loaded apps and flows and report mistakes as located Problems. Entry point:
 * {@link dev.flowfront.generator.validate.SiteValidator}. Each rule class checks one concept and is
 * package-private. Uses {@code api}, {@code definition}, {@code yaml}, {@code expression} and
 * {@code load.Suggestions}.
 */
package dev.flowfront.generator.validate;
