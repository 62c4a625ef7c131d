package dev.flowfront.generator.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowfront.generator.api.GeneratorException;
import dev.flowfront.generator.yaml.YamlList;
import dev.flowfront.generator.yaml.YamlMap;
import dev.flowfront.generator.yaml.YamlNode;
import dev.flowfront.generator.yaml.YamlScalar;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * JSON output of pages: keys sorted at every level so that builds are deterministic, and the
 * characters that could end a {@code <script>} element or open a comment written as Unicode
 * escapes, so that JSON can sit inside an HTML page as data.
 */
final class Json {

    private static final ObjectMapper MAPPER =
            JsonMapper.builder()
                    .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
                    .build();

    private static final ObjectMapper SCRIPT_MAPPER = MAPPER.copy();

    static {
        SCRIPT_MAPPER.getFactory().setCharacterEscapes(new ScriptSafeEscapes());
    }

    private Json() {}

    /** Serializes a value for an HTML attribute or text; the template engine escapes it. */
    static String write(Object value) {
        return write(MAPPER, value);
    }

    /** Serializes a value for the inside of a {@code <script type="application/json">}. */
    static String writeForScript(Object value) {
        return write(SCRIPT_MAPPER, value);
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** Converts a YAML value into JSON, reading scalars the way YAML 1.2's core schema does. */
    static JsonNode fromYaml(YamlNode node) {
        JsonNodeFactory factory = JsonNodeFactory.instance;
        if (node instanceof YamlMap map) {
            ObjectNode object = factory.objectNode();
            map.entries().forEach((key, value) -> object.set(key, fromYaml(value)));
            return object;
        }
        if (node instanceof YamlList list) {
            var array = factory.arrayNode();
            list.items().forEach(item -> array.add(fromYaml(item)));
            return array;
        }
        YamlScalar scalar = (YamlScalar) node;
        return switch (scalar.kind()) {
            case NULL -> factory.nullNode();
            case BOOLEAN -> factory.booleanNode(Boolean.TRUE.equals(scalar.asBoolean()));
            case INTEGER -> integer(scalar.text());
            case FLOAT -> decimal(scalar.text());
            case STRING -> factory.textNode(scalar.text());
        };
    }

    private static JsonNode integer(String text) {
        try {
            return JsonNodeFactory.instance.numberNode(new BigInteger(text.replace("_", "")));
        } catch (NumberFormatException e) {
            return JsonNodeFactory.instance.textNode(text);
        }
    }

    private static JsonNode decimal(String text) {
        try {
            return JsonNodeFactory.instance.numberNode(new BigDecimal(text));
        } catch (NumberFormatException e) {
            // .inf and .nan have no JSON number form.
            return JsonNodeFactory.instance.textNode(text);
        }
    }

    private static String write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new GeneratorException("Cannot write page JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Escapes {@code < > &} and the JavaScript line separators U+2028 and U+2029. */
    private static final class ScriptSafeEscapes extends CharacterEscapes {
        private final int[] escapes;

        ScriptSafeEscapes() {
            escapes = CharacterEscapes.standardAsciiEscapesForJSON();
            escapes['<'] = CharacterEscapes.ESCAPE_STANDARD;
            escapes['>'] = CharacterEscapes.ESCAPE_STANDARD;
            escapes['&'] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch == 0x2028) {
                return new SerializedString("\\u2028");
            }
            if (ch == 0x2029) {
                return new SerializedString("\\u2029");
            }
            return null;
        }
    }
}
