package dev.flowfront.benchmarks.synthetic;

import java.util.List;
import java.util.SplittableRandom;

/** Writes Markdown of a requested size from the constructs app authors use. */
final class MarkdownText {

    /** Below this many bytes to go, only one-sentence parts are added. */
    private static final int SHORT_PART = 250;

    private MarkdownText() {}

    /**
     * Writes at least {@code targetBytes} of Markdown, and at most one sentence more unless the
     * heading and expressions alone are longer: a heading, then paragraphs, lists, tables and
     * quotes. Each of {@code expressions} (such as {@code {{ inputs.name }}}) appears once, inside
     * a sentence.
     */
    static String generate(
            SplittableRandom random, int level, int targetBytes, List<String> expressions) {
        StringBuilder text = new StringBuilder(targetBytes + 512);
        text.append("#".repeat(level)).append(' ');
        text.append(Words.capitalize(Words.phrase(random, 3))).append("\n\n");
        int expression = 0;
        int part = 0;
        while (text.length() < targetBytes || expression < expressions.size()) {
            if (expression < expressions.size()) {
                text.append(Words.capitalize(Words.phrase(random, 3)))
                        .append(": ")
                        .append(expressions.get(expression++))
                        .append(". ")
                        .append(Words.sentence(random))
                        .append("\n\n");
                continue;
            }
            if (targetBytes - text.length() < SHORT_PART) {
                // A one-sentence quote keeps the overshoot small near the target.
                quote(random, text);
                continue;
            }
            switch (part++ % 5) {
                case 0 -> paragraph(random, text);
                case 1 -> list(random, text);
                case 2 -> table(random, text);
                case 3 -> quote(random, text);
                default -> subheading(random, level, text);
            }
        }
        return text.toString().stripTrailing() + "\n";
    }

    private static void paragraph(SplittableRandom random, StringBuilder text) {
        int sentences = 2 + random.nextInt(3);
        for (int i = 0; i < sentences; i++) {
            String sentence = Words.sentence(random);
            switch (random.nextInt(4)) {
                case 0 -> text.append("**").append(sentence).append("**");
                case 1 ->
                        text.append(sentence, 0, sentence.length() - 1)
                                .append(" (see `")
                                .append(Words.pick(random, Words.NOUNS))
                                .append("_id`).");
                case 2 ->
                        text.append('[')
                                .append(sentence, 0, sentence.length() - 1)
                                .append("](https://example.com/docs/")
                                .append(Words.pick(random, Words.NOUNS))
                                .append(")");
                default -> text.append(sentence);
            }
            text.append(i + 1 < sentences ? " " : "\n\n");
        }
    }

    private static void list(SplittableRandom random, StringBuilder text) {
        boolean ordered = random.nextBoolean();
        int items = 3 + random.nextInt(4);
        for (int i = 0; i < items; i++) {
            text.append(ordered ? (i + 1) + ". " : "- ")
                    .append(Words.capitalize(Words.phrase(random, 4 + random.nextInt(6))))
                    .append('\n');
        }
        text.append('\n');
    }

    private static void table(SplittableRandom random, StringBuilder text) {
        text.append("| ").append(Words.capitalize(Words.pick(random, Words.NOUNS)));
        text.append(" | Owner | Limit |\n|---|---|---:|\n");
        int rows = 2 + random.nextInt(4);
        for (int i = 0; i < rows; i++) {
            text.append("| ")
                    .append(Words.phrase(random, 2))
                    .append(" | ")
                    .append(Words.pick(random, Words.TEAMS))
                    .append(" | ")
                    .append(random.nextInt(10_000))
                    .append(" |\n");
        }
        text.append('\n');
    }

    private static void quote(SplittableRandom random, StringBuilder text) {
        text.append("> ").append(Words.sentence(random)).append("\n\n");
    }

    private static void subheading(SplittableRandom random, int level, StringBuilder text) {
        text.append("#".repeat(Math.min(level + 1, 6)))
                .append(' ')
                .append(Words.capitalize(Words.phrase(random, 2)))
                .append("\n\n");
    }
}
