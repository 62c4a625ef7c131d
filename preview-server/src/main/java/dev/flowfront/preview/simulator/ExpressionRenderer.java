package dev.flowfront.preview.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.AttributeNotFoundException;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.writer.SpecializedWriter;
import io.pebbletemplates.pebble.loader.StringLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Renders Kestra expressions with Pebble the way Kestra does: strict variables, no auto-escaping,
 * maps and lists printed as JSON, plus Kestra's functions and filters ({@link
 * KestraPebbleExtension}).
 *
 * <p>Thread-safe. {@code render()} inside an expression uses the variables of the outer call, kept
 * per thread while a render runs.
 */
public final class ExpressionRenderer {

    private final PebbleEngine engine;
    private final ObjectMapper mapper;
    private final Map<String, String> secrets;
    private final Function<String, String> appLink;
    private final ThreadLocal<Deque<Map<String, Object>>> variables =
            ThreadLocal.withInitial(ArrayDeque::new);

    /**
     * Creates a renderer.
     *
     * @param secrets values {@code secret('KEY')} returns; unknown keys fail as in Kestra
     * @param appLink builds the URL {@code appLink()} returns from an execution id
     */
    public ExpressionRenderer(
            ObjectMapper mapper, Map<String, String> secrets, Function<String, String> appLink) {
        this.mapper = mapper;
        this.secrets = Map.copyOf(secrets);
        this.appLink = appLink;
        this.engine =
                new PebbleEngine.Builder()
                        .loader(new StringLoader())
                        .strictVariables(true)
                        .autoEscaping(false)
                        .newLineTrimming(false)
                        .cacheActive(true)
                        .extension(new KestraPebbleExtension(this, mapper))
                        .build();
    }

    Map<String, String> secrets() {
        return secrets;
    }

    String appLink(String executionId) {
        return appLink.apply(executionId);
    }

    /** Renders one template; text without {@code {{} or {@code {%} is returned as is. */
    public String render(String template, Map<String, Object> context) throws ExpressionException {
        if (template == null || (!template.contains("{{") && !template.contains("{%"))) {
            return template;
        }
        Deque<Map<String, Object>> stack = variables.get();
        stack.push(context);
        try {
            return evaluate(template, context);
        } finally {
            stack.pop();
        }
    }

    /** Renders every string inside maps and lists, keeping other values. */
    public Object renderValue(Object value, Map<String, Object> context)
            throws ExpressionException {
        if (value instanceof String text) {
            return render(text, context);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> rendered = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                rendered.put(
                        String.valueOf(entry.getKey()), renderValue(entry.getValue(), context));
            }
            return rendered;
        }
        if (value instanceof Collection<?> list) {
            List<Object> rendered = new ArrayList<>();
            for (Object item : list) {
                rendered.add(renderValue(item, context));
            }
            return rendered;
        }
        return value;
    }

    /** Renders a template with the variables of the render call in progress on this thread. */
    String renderNested(String template) throws ExpressionException {
        Map<String, Object> context = variables.get().peek();
        return render(template, context == null ? Map.of() : context);
    }

    private String evaluate(String template, Map<String, Object> context)
            throws ExpressionException {
        try {
            PebbleTemplate compiled = engine.getTemplate(template);
            JsonWriter writer = new JsonWriter(mapper);
            compiled.evaluate(writer, context);
            return writer.toString();
        } catch (AttributeNotFoundException e) {
            throw new ExpressionException(
                    "Unable to find `"
                            + e.getAttributeName()
                            + "` used in the expression `"
                            + template.strip()
                            + "` at line "
                            + e.getLineNumber(),
                    e);
        } catch (PebbleException e) {
            throw new ExpressionException(
                    e.getPebbleMessage() + " (expression `" + template.strip() + "`)", e);
        } catch (IOException | RuntimeException e) {
            throw new ExpressionException(
                    "Unable to render `" + template.strip() + "`: " + e.getMessage(), e);
        }
    }

    /**
     * Writes maps and lists as JSON, as Kestra prints them, and everything else as text. It does
     * not extend {@code StringWriter}, because Pebble wraps those in its own adapter and bypasses
     * {@link #write(Object)}.
     */
    private static final class JsonWriter extends Writer implements SpecializedWriter {
        private final ObjectMapper mapper;
        private final StringBuilder text = new StringBuilder();

        JsonWriter(ObjectMapper mapper) {
            this.mapper = mapper;
        }

        @Override
        public void write(char[] buffer, int offset, int length) {
            text.append(buffer, offset, length);
        }

        @Override
        public void write(String value) {
            text.append(value);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}

        @Override
        public String toString() {
            return text.toString();
        }

        @Override
        public void write(Object value) {
            if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
                try {
                    write(mapper.writeValueAsString(value));
                } catch (JsonProcessingException e) {
                    write(String.valueOf(value));
                }
            } else {
                write(value == null ? "" : String.valueOf(value));
            }
        }

        @Override
        public void writeSpecialized(int i) {
            write(String.valueOf(i));
        }

        @Override
        public void writeSpecialized(long l) {
            write(String.valueOf(l));
        }

        @Override
        public void writeSpecialized(double d) {
            write(String.valueOf(d));
        }

        @Override
        public void writeSpecialized(float f) {
            write(String.valueOf(f));
        }

        @Override
        public void writeSpecialized(short s) {
            write(String.valueOf(s));
        }

        @Override
        public void writeSpecialized(byte b) {
            write(String.valueOf(b));
        }

        @Override
        public void writeSpecialized(char c) {
            write(String.valueOf(c));
        }

        @Override
        public void writeSpecialized(String s) {
            write(s);
        }
    }
}
