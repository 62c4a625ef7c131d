package dev.flowfront.preview;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.flowfront.preview.simulator.ApiExchange;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks simulator responses against Kestra's OpenAPI spec, given by the system property {@code
 * flowfront.kestraSpec}. The spec is adjusted where it differs from what Kestra sends, and only
 * there:
 *
 * <ul>
 *   <li>create and validate are declared as arrays, but Kestra returns one object, so those bodies
 *       are wrapped in an array before the check;
 *   <li>Micronaut writes {@code type: object} for Java's {@code Object}, so such schemas without
 *       properties accept any JSON value;
 *   <li>fields Kestra leaves out when null are not required;
 *   <li>component schemas made of {@code allOf} parts are merged into one object schema, because
 *       the validator checks each part alone and reports the other parts' fields as not allowed;
 *   <li>patterns using Java-only classes such as {@code \p{javaJavaIdentifierStart}} are dropped,
 *       because the validator evaluates patterns as ECMA 262 regexes;
 *   <li>Kestra 1.x writes a {@code Property} (an input's {@code defaults}) as its raw text, while
 *       the spec describes the Java object, so {@code Property_Object_} accepts any value.
 * </ul>
 */
final class ContractCheck {

    /** Fields Kestra omits when they are null although the spec lists them as required. */
    private static final Map<String, Set<String>> OMITTED_WHEN_NULL =
            Map.of(
                    "Execution",
                            Set.of(
                                    "parentId",
                                    "trigger",
                                    "traceParent",
                                    "variables",
                                    "inputs",
                                    "outputs",
                                    "taskRunList"),
                    "TaskRun", Set.of("parentTaskRunId", "value"),
                    "ExecutionController.ApiValidateExecutionInputsResponse.ApiInputAndValue",
                            Set.of("value"));

    private static ContractCheck instance;

    private final OpenApiInteractionValidator validator;

    private ContractCheck(String specFile) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        OpenAPI api = new OpenAPIV3Parser().read(specFile, null, options);
        if (api == null) {
            throw new IllegalStateException("Cannot read the OpenAPI spec " + specFile);
        }
        relax(api);
        this.validator = OpenApiInteractionValidator.createFor(api).build();
    }

    /** Returns the check when {@code -Dflowfront.kestraSpec} names a file, else null. */
    static synchronized ContractCheck fromSystemProperty() {
        String spec = System.getProperty("flowfront.kestraSpec", "");
        if (spec.isBlank()) {
            return null;
        }
        if (instance == null) {
            instance = new ContractCheck(spec);
        }
        return instance;
    }

    /**
     * Returns the spec violations of one response; empty when it conforms. Error responses are
     * skipped, because the spec gives no schema for Kestra's error body and lists few error
     * statuses.
     */
    List<String> check(ApiExchange exchange) {
        if (exchange.body() == null || exchange.status() >= 300) {
            return List.of();
        }
        if (exchange.eventId() != null) {
            return checkFrame(exchange);
        }
        String path = exchange.path();
        if (path.matches("/api/v1/(executions|logs)/.*")) {
            path = path.replaceFirst("^/api/v1/", "/api/v1/main/");
        }
        String body = new String(exchange.body(), StandardCharsets.UTF_8);
        if (exchange.method().equals("POST") && exchange.status() == 200) {
            body = "[" + body + "]";
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(exchange.status());
        if (exchange.contentType() != null) {
            response.withContentType(exchange.contentType());
        }
        if (!body.isEmpty()) {
            response.withBody(body);
        }
        ValidationReport report =
                validator.validateResponse(
                        path, Request.Method.valueOf(exchange.method()), response.build());
        List<String> problems = new ArrayList<>();
        for (ValidationReport.Message message : report.getMessages()) {
            problems.add(
                    exchange.method()
                            + " "
                            + exchange.path()
                            + " -> "
                            + exchange.status()
                            + ": "
                            + describe(message));
        }
        return problems;
    }

    /**
     * Checks the data of an event-stream frame: an execution follow frame as the Execution that
     * {@code GET executions/{id}} returns, a log follow frame as one entry of {@code GET
     * logs/{id}}. The {@code start} frames are stubs that clients ignore, so they are not checked.
     */
    private List<String> checkFrame(ApiExchange exchange) {
        if (exchange.eventId().equals("start")) {
            return List.of();
        }
        String path = exchange.path().replaceFirst("/follow$", "");
        String body = new String(exchange.body(), StandardCharsets.UTF_8);
        if (path.matches(".*/logs/[^/]+")) {
            body = "[" + body + "]";
        }
        ApiExchange asResponse =
                new ApiExchange(
                        "GET",
                        path,
                        exchange.query(),
                        200,
                        exchange.headers(),
                        "application/json",
                        body.getBytes(StandardCharsets.UTF_8),
                        null);
        List<String> problems = new ArrayList<>();
        check(asResponse)
                .forEach(
                        problem ->
                                problems.add("frame '" + exchange.eventId() + "' of " + problem));
        return problems;
    }

    private static String describe(ValidationReport.Message message) {
        StringBuilder text = new StringBuilder(message.getKey() + " " + message.getMessage());
        for (ValidationReport.Message nested : message.getNestedMessages()) {
            text.append("\n    ").append(describe(nested).replace("\n", "\n    "));
        }
        return text.toString();
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void relax(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        OMITTED_WHEN_NULL.forEach(
                (name, fields) -> {
                    Schema schema = schemas.get(name);
                    if (schema != null && schema.getRequired() != null) {
                        List<String> required = new ArrayList<>(schema.getRequired());
                        required.removeAll(fields);
                        schema.setRequired(required);
                    }
                });
        Schema property = schemas.get("Property_Object_");
        if (property != null) {
            property.setType(null);
            property.setTypes(null);
            property.setRequired(null);
            property.setProperties(null);
        }
        schemas.values().forEach(schema -> mergeAllOf(schema, schemas));
        IdentityHashMap<Schema, Boolean> seen = new IdentityHashMap<>();
        schemas.values().forEach(schema -> anyObject(schema, seen));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void mergeAllOf(Schema schema, Map<String, Schema> schemas) {
        List<Schema> parts = schema.getAllOf();
        if (parts == null || parts.size() < 2) {
            return;
        }
        Map<String, Schema> properties = new java.util.LinkedHashMap<>();
        java.util.Set<String> required = new java.util.LinkedHashSet<>();
        for (Schema part : parts) {
            Schema resolved = part;
            if (part.get$ref() != null) {
                resolved =
                        schemas.get(part.get$ref().substring(part.get$ref().lastIndexOf('/') + 1));
                mergeAllOf(resolved, schemas);
            }
            if (resolved.getProperties() != null) {
                properties.putAll(resolved.getProperties());
            }
            if (resolved.getRequired() != null) {
                required.addAll(resolved.getRequired());
            }
        }
        if (schema.getProperties() != null) {
            properties.putAll(schema.getProperties());
        }
        if (schema.getRequired() != null) {
            required.addAll(schema.getRequired());
        }
        schema.setAllOf(null);
        schema.setType("object");
        schema.setProperties(properties);
        schema.setRequired(new ArrayList<>(required));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void anyObject(Schema schema, IdentityHashMap<Schema, Boolean> seen) {
        if (schema == null || seen.put(schema, Boolean.TRUE) != null) {
            return;
        }
        boolean bare =
                "object".equals(schema.getType())
                        && schema.get$ref() == null
                        && (schema.getProperties() == null || schema.getProperties().isEmpty())
                        && schema.getAdditionalProperties() == null
                        && schema.getAllOf() == null
                        && schema.getOneOf() == null
                        && schema.getAnyOf() == null;
        if (bare) {
            schema.setType(null);
            schema.setTypes(null);
        }
        if (schema.getPattern() != null && schema.getPattern().contains("\\p{java")) {
            schema.setPattern(null);
        }
        if (schema.getProperties() != null) {
            ((Map<String, Schema>) schema.getProperties())
                    .values()
                    .forEach(child -> anyObject(child, seen));
        }
        if (schema.getAdditionalProperties() instanceof Schema child) {
            anyObject(child, seen);
        }
        if (schema.getItems() != null) {
            anyObject(schema.getItems(), seen);
        }
        for (List<Schema> list :
                new List[] {schema.getAllOf(), schema.getOneOf(), schema.getAnyOf()}) {
            if (list != null) {
                list.forEach(child -> anyObject(child, seen));
            }
        }
    }
}
