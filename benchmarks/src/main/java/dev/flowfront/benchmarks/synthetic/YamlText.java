package dev.flowfront.benchmarks.synthetic;

/** Builds YAML text line by line, with two-space indentation and safe scalar quoting. */
final class YamlText {

    private final StringBuilder text = new StringBuilder(4096);

    /** Appends {@code key: value} with the value written as a double-quoted scalar. */
    YamlText quoted(int indent, String key, String value) {
        return line(indent, key + ": " + quote(value));
    }

    /** Appends {@code key: value} with the value written as it is (numbers, booleans, enums). */
    YamlText plain(int indent, String key, Object value) {
        return line(indent, key + ": " + value);
    }

    /** Appends {@code key: |} followed by the text as a literal block scalar. */
    YamlText literal(int indent, String key, String content) {
        line(indent, key + ": |");
        String pad = " ".repeat(indent + 2);
        for (String row : content.split("\n", -1)) {
            if (row.isEmpty()) {
                text.append('\n');
            } else {
                text.append(pad).append(row).append('\n');
            }
        }
        return this;
    }

    YamlText line(int indent, String content) {
        text.append(" ".repeat(indent)).append(content).append('\n');
        return this;
    }

    YamlText blank() {
        text.append('\n');
        return this;
    }

    /** A double-quoted YAML scalar; only backslash and the quote need escaping in our content. */
    static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** A flow sequence of double-quoted scalars, such as {@code ["a", "b"]}. */
    static String quotedList(Iterable<String> values) {
        StringBuilder list = new StringBuilder("[");
        for (String value : values) {
            if (list.length() > 1) {
                list.append(", ");
            }
            list.append(quote(value));
        }
        return list.append(']').toString();
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
