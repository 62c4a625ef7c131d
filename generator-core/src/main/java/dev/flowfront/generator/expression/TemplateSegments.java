package dev.flowfront.generator.expression;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the {@code {{ ... }}} prints and {@code {% ... %}} tags of a text start and end, so that
 * errors found in Pebble's node tree, which carries only line numbers, can point at a char offset.
 *
 * <p>The scan is lexical and best effort: a closing delimiter inside a string literal ends the
 * segment early, which only moves a reported offset.
 */
final class TemplateSegments {

    /**
     * A print or tag: {@code start} is the offset of its opening delimiter, {@code end} past it.
     */
    record Segment(int start, int end, boolean print) {}

    private final String text;
    private final List<Segment> prints = new ArrayList<>();
    private final List<Segment> tags = new ArrayList<>();

    TemplateSegments(String text) {
        this.text = text;
        int index = 0;
        while (index < text.length()) {
            int open = text.indexOf('{', index);
            if (open < 0 || open + 1 >= text.length()) {
                break;
            }
            char kind = text.charAt(open + 1);
            index =
                    switch (kind) {
                        case '{' -> record(open, "}}", prints, true);
                        case '%' -> record(open, "%}", tags, false);
                        case '#' -> skip(open, "#}");
                        default -> open + 1;
                    };
        }
    }

    private int record(int open, String close, List<Segment> into, boolean print) {
        int end = end(open, close);
        into.add(new Segment(open, end, print));
        return end;
    }

    private int skip(int open, String close) {
        return end(open, close);
    }

    private int end(int open, String close) {
        int closing = text.indexOf(close, open + 2);
        return closing < 0 ? text.length() : closing + close.length();
    }

    /** The n-th print (0-based), or a segment covering the whole text when the scan missed it. */
    Segment print(int n) {
        return n < prints.size() ? prints.get(n) : new Segment(0, text.length(), true);
    }

    /** The first tag, where a rejected control tag is reported. */
    int firstTagOffset() {
        return tags.isEmpty() ? 0 : tags.get(0).start();
    }

    /** The text of a segment. */
    String textOf(Segment segment) {
        return text.substring(segment.start(), segment.end());
    }

    /**
     * The offset of the last print or tag that reaches the given 1-based line, else the line's
     * start, for parse errors that Pebble reports by line.
     */
    int offsetOfLine(int line) {
        int lineStart = lineStart(line);
        int lineEnd = lineEnd(line);
        Segment last = null;
        for (List<Segment> segments : List.of(prints, tags)) {
            for (Segment segment : segments) {
                boolean before = segment.start() < lineEnd;
                if (before && (last == null || segment.start() > last.start())) {
                    last = segment;
                }
            }
        }
        // A segment that ended on an earlier line is not where the error is.
        return last != null && last.end() > lineStart ? last.start() : lineStart;
    }

    private int lineStart(int line) {
        int offset = 0;
        for (int current = 1; current < line; current++) {
            int newline = text.indexOf('\n', offset);
            if (newline < 0) {
                return text.length();
            }
            offset = newline + 1;
        }
        return offset;
    }

    private int lineEnd(int line) {
        int newline = text.indexOf('\n', lineStart(line));
        return newline < 0 ? text.length() : newline;
    }
}
