package dev.flowfront.generator.render;

import java.util.List;

/**
 * One {@code <section>} of a page.
 *
 * @param name the stage name: a Kestra App stage, or {@code STATUS} for the built-in section
 * @param title the heading the runtime focuses when it shows the section
 */
public record StageView(String name, String title, List<BlockView> blocks) {}
