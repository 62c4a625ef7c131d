package dev.flowfront.preview.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pebbletemplates.pebble.error.AttributeNotFoundException;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.node.expression.BinaryExpression;
import io.pebbletemplates.pebble.operator.Associativity;
import io.pebbletemplates.pebble.operator.BinaryOperator;
import io.pebbletemplates.pebble.operator.BinaryOperatorImpl;
import io.pebbletemplates.pebble.operator.BinaryOperatorType;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import io.pebbletemplates.pebble.template.PebbleTemplateImpl;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The Kestra functions, filters and operators the simulator supports: {@code json()}/{@code
 * fromJson()}, {@code toJson}/{@code json} filters, {@code render()}, {@code secret()}, {@code
 * now()}, {@code appLink()}, and the {@code ??} and {@code ???} operators.
 */
final class KestraPebbleExtension extends AbstractExtension {

    private final ExpressionRenderer renderer;
    private final ObjectMapper mapper;

    KestraPebbleExtension(ExpressionRenderer renderer, ObjectMapper mapper) {
        this.renderer = renderer;
        this.mapper = mapper;
    }

    @Override
    public Map<String, Function> getFunctions() {
        return Map.of(
                "json", fromJson(),
                "fromJson", fromJson(),
                "render", render(),
                "secret", secret(),
                "now", now(),
                "appLink", appLink());
    }

    @Override
    public Map<String, Filter> getFilters() {
        return Map.of("toJson", toJson(), "json", toJson());
    }

    @Override
    public List<BinaryOperator> getBinaryOperators() {
        // Kestra's precedence for both operators, above comparisons and arithmetic.
        return List.of(
                new BinaryOperatorImpl(
                        "??",
                        120,
                        () -> new CoalescingExpression(false),
                        BinaryOperatorType.NORMAL,
                        Associativity.LEFT),
                new BinaryOperatorImpl(
                        "???",
                        120,
                        () -> new CoalescingExpression(true),
                        BinaryOperatorType.NORMAL,
                        Associativity.LEFT));
    }

    private Function fromJson() {
        return new SimpleFunction(List.of("json")) {
            @Override
            public Object execute(
                    Map<String, Object> args,
                    PebbleTemplate self,
                    EvaluationContext context,
                    int line) {
                Object value = args.get("json");
                if (!(value instanceof String text)) {
                    return value;
                }
                try {
                    return mapper.readValue(text, Object.class);
                } catch (JsonProcessingException e) {
                    throw new PebbleException(
                            e, "Invalid json: " + e.getOriginalMessage(), line, self.getName());
                }
            }
        };
    }

    private Function render() {
        return new SimpleFunction(List.of("toRender", "recursive")) {
            @Override
            public Object execute(
                    Map<String, Object> args,
                    PebbleTemplate self,
                    EvaluationContext context,
                    int line) {
                Object value = args.get("toRender");
                if (!(value instanceof String text)) {
                    return value;
                }
                try {
                    return renderer.renderNested(text);
                } catch (ExpressionException e) {
                    throw new PebbleException(e, e.getMessage(), line, self.getName());
                }
            }
        };
    }

    private Function secret() {
        return new SimpleFunction(List.of("key")) {
            @Override
            public Object execute(
                    Map<String, Object> args,
                    PebbleTemplate self,
                    EvaluationContext context,
                    int line) {
                String key = String.valueOf(args.get("key"));
                String value = renderer.secrets().get(key);
                if (value == null) {
                    throw new PebbleException(
                            null,
                            "Cannot find secret for key '" + key + "'.",
                            line,
                            self.getName());
                }
                return value;
            }
        };
    }

    private Function now() {
        return new SimpleFunction(List.of()) {
            @Override
            public Object execute(
                    Map<String, Object> args,
                    PebbleTemplate self,
                    EvaluationContext context,
                    int line) {
                return OffsetDateTime.now().toString();
            }
        };
    }

    private Function appLink() {
        return new SimpleFunction(List.of()) {
            @Override
            public Object execute(
                    Map<String, Object> args,
                    PebbleTemplate self,
                    EvaluationContext context,
                    int line) {
                Object execution = context.getVariable("execution");
                Object id = execution instanceof Map<?, ?> map ? map.get("id") : null;
                return renderer.appLink(id == null ? "" : id.toString());
            }
        };
    }

    private Filter toJson() {
        return new Filter() {
            @Override
            public List<String> getArgumentNames() {
                return List.of();
            }

            @Override
            public Object apply(
                    Object input,
                    Map<String, Object> args,
                    PebbleTemplate self,
                    EvaluationContext context,
                    int line) {
                try {
                    return mapper.writeValueAsString(input);
                } catch (JsonProcessingException e) {
                    throw new PebbleException(e, "Unable to write JSON", line, self.getName());
                }
            }
        };
    }

    private abstract static class SimpleFunction implements Function {
        private final List<String> names;

        SimpleFunction(List<String> names) {
            this.names = names;
        }

        @Override
        public List<String> getArgumentNames() {
            return names;
        }
    }

    /**
     * Kestra's {@code a ?? b}: b when a is null or undefined. With {@code ???}, b only when a is
     * undefined.
     */
    static final class CoalescingExpression extends BinaryExpression<Object> {
        private final boolean undefinedOnly;

        CoalescingExpression(boolean undefinedOnly) {
            this.undefinedOnly = undefinedOnly;
        }

        @Override
        public Object evaluate(PebbleTemplateImpl self, EvaluationContextImpl context) {
            Object left;
            try {
                left = getLeftExpression().evaluate(self, context);
            } catch (AttributeNotFoundException e) {
                return getRightExpression().evaluate(self, context);
            }
            if (left == null && !undefinedOnly) {
                return getRightExpression().evaluate(self, context);
            }
            return left;
        }
    }
}
