/**
 * Compiles Kestra expressions ({@code {{ ... }}}) into JSON trees that the browser runtime
 * evaluates, using Pebble's own parser. Entry point: {@link
 * dev.flowfront.generator.expression.ExpressionCompiler}. {@link
 * dev.flowfront.generator.expression.SupportedSyntax} lists what the runtime supports, and {@link
 * dev.flowfront.generator.expression.ExpressionTrees} reads facts out of compiled trees.
 */
package dev.flowfront.generator.expression;
