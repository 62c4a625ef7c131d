package dev.flowfront.preview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Input parsing and validation of the create, validate and resume endpoints. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class InputValidationTest {

    private static final String FLOW =
            """
            id: inputs
            namespace: company.team
            inputs:
              - id: name
                type: STRING
                validator: "^[A-Z][a-z]+$"
              - id: age
                type: INT
                required: false
                min: 18
                max: 120
              - id: regions
                type: MULTISELECT
                required: false
                values: [eu, us]
              - id: sizes
                type: ARRAY
                itemType: INT
                required: false
              - id: start
                type: DATE
                required: false
                after: "2025-01-01"
              - id: report
                type: FILE
                required: false
                allowedFileExtensions: [".csv"]
              - id: kind
                type: SELECT
                values: [vm, bucket]
                defaults: vm
              - id: zone
                type: STRING
                required: true
                dependsOn:
                  inputs: [kind]
                  condition: "{{ inputs.kind equals 'vm' }}"
              - id: contact.email
                type: EMAIL
                required: false
            tasks:
              - id: hello
                type: io.kestra.plugin.core.log.Log
                message: "Hello {{ inputs.name }} in {{ inputs.zone ?? 'no zone' }}"
              - id: wait
                type: io.kestra.plugin.core.flow.Pause
                onResume:
                  - id: approved
                    type: BOOL
                  - id: budget
                    type: INT
                    required: false
                    max: 1000
            outputs:
              - id: uploaded
                type: FILE
                value: "{{ inputs.report ?? '' }}"
            """;

    @TempDir Path temp;
    private SimulatorHarness harness;
    private ApiClient api;

    @BeforeEach
    void start() throws Exception {
        Path flows = Files.createDirectories(temp.resolve("flows"));
        Files.writeString(flows.resolve("inputs.yaml"), FLOW);
        harness = new SimulatorHarness(List.of(flows));
        api = harness.api;
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private static Map<String, Object> valid(Object... extra) {
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("name", "Ada");
        parts.put("zone", "eu-west-1");
        for (int i = 0; i < extra.length; i += 2) {
            parts.put((String) extra[i], extra[i + 1]);
        }
        return parts;
    }

    private String message(HttpResponse<String> response) throws Exception {
        return ApiClient.json(response.body()).path("message").asText();
    }

    @Test
    void intThatIsNotANumberGives422NamingInput() throws Exception {
        HttpResponse<String> response =
                api.post("executions/company.team/inputs", valid("age", "abc"));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(message(response)).startsWith("Invalid entity: Invalid value for input `age`");
    }

    @Test
    void intBelowMinimumGives422WithKestraCause() throws Exception {
        HttpResponse<String> response =
                api.post("executions/company.team/inputs", valid("age", "12"));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(message(response))
                .isEqualTo(
                        "Invalid entity: Invalid value for input `age`. Cause: it must be more than `18`");
    }

    @Test
    void multiselectValueOutsideValuesGives422() throws Exception {
        HttpResponse<String> response =
                api.post("executions/company.team/inputs", valid("regions", "[\"eu\",\"mars\"]"));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(message(response))
                .contains("`regions`")
                .contains("value `mars` doesn't match the values `[eu, us]`");
    }

    @Test
    void missingRequiredInputGives422NamingIt() throws Exception {
        HttpResponse<String> response =
                api.post("executions/company.team/inputs", Map.of("zone", "z"));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(message(response)).isEqualTo("Invalid entity: Missing required input:name");
    }

    @Test
    void systemLabelGives422NamingLabel() throws Exception {
        HttpResponse<String> response =
                api.post("executions/company.team/inputs?labels=system.app:x", valid());

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(message(response)).contains("offending label: system.app=x");
    }

    @Test
    void plainLabelsAreKeptOnTheExecution() throws Exception {
        HttpResponse<String> response =
                api.post(
                        "executions/company.team/inputs?labels=app:form&labels=team:a%3Ab",
                        valid());

        JsonNode labels = ApiClient.json(response.body()).path("labels");
        assertThat(labels.findValuesAsText("key")).contains("app", "team", "system.correlationId");
        assertThat(labels.findValuesAsText("value")).contains("form", "a:b");
    }

    @Test
    void validatorPatternMustMatchWholeValue() throws Exception {
        HttpResponse<String> response =
                api.post("executions/company.team/inputs", valid("name", "ada"));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(message(response)).contains("it must match the pattern `^[A-Z][a-z]+$`");
    }

    @Test
    void dateBeforeAfterBoundGives422() throws Exception {
        HttpResponse<String> response =
                api.post("executions/company.team/inputs", valid("start", "2024-12-31"));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(message(response)).contains("`start`").contains("it must be after `2025-01-01`");
    }

    @Test
    void arrayElementsAreConvertedByItemType() throws Exception {
        JsonNode created = api.create("company.team", "inputs", valid("sizes", "[\"1\", 2]"));

        assertThat(created.path("inputs").path("sizes").toString()).isEqualTo("[1,2]");
    }

    @Test
    void arrayElementOfWrongTypeGives422() throws Exception {
        HttpResponse<String> response =
                api.post("executions/company.team/inputs", valid("sizes", "[\"x\"]"));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(message(response)).contains("Unable to parse array element as `INT` on `x`");
    }

    @Test
    void dottedIdsNestInExecutionInputs() throws Exception {
        JsonNode created =
                api.create("company.team", "inputs", valid("contact.email", "ada@example.com"));

        assertThat(created.path("inputs").path("contact").path("email").asText())
                .isEqualTo("ada@example.com");
    }

    @Test
    void dependsOnConditionDisablesInput() throws Exception {
        JsonNode created =
                api.create("company.team", "inputs", Map.of("name", "Ada", "kind", "bucket"));

        assertThat(created.path("inputs").has("zone")).isFalse();
        assertThat(created.path("inputs").path("kind").asText()).isEqualTo("bucket");
    }

    @Test
    void defaultsApplyWhenNoValueIsSent() throws Exception {
        JsonNode created = api.create("company.team", "inputs", valid());

        assertThat(created.path("inputs").path("kind").asText()).isEqualTo("vm");
    }

    @Test
    void fileInputIsStoredAndServedBack() throws Exception {
        byte[] content = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8);
        JsonNode created =
                api.create(
                        "company.team",
                        "inputs",
                        valid("report", new ApiClient.FilePart("data.csv", content)));
        String id = created.path("id").asText();
        String uri = created.path("inputs").path("report").asText();

        HttpResponse<byte[]> file = api.getBytes("executions/" + id + "/file?path=" + uri);
        HttpResponse<String> metas = api.get("executions/" + id + "/file/metas?path=" + uri);

        assertThat(uri)
                .isEqualTo(
                        "kestra:///company/team/inputs/executions/"
                                + id
                                + "/inputs/report/data.csv");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(content);
        assertThat(file.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"data.csv\"");
        assertThat(ApiClient.json(metas.body()).path("size").asInt()).isEqualTo(content.length);
    }

    @Test
    void fileWithDisallowedExtensionGives422() throws Exception {
        HttpResponse<String> response =
                api.post(
                        "executions/company.team/inputs",
                        valid("report", new ApiClient.FilePart("data.pdf", new byte[] {1})));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(message(response)).contains("File type not allowed. Accepted extensions: .csv");
    }

    @Test
    void fileOutsideExecutionStorageGives422() throws Exception {
        JsonNode created = api.create("company.team", "inputs", valid());

        HttpResponse<String> response =
                api.get(
                        "executions/"
                                + created.path("id").asText()
                                + "/file?path=kestra:///other/file.txt");

        assertThat(response.statusCode()).isEqualTo(422);
    }

    @Test
    void validateReportsEveryInputWithoutCreating() throws Exception {
        HttpResponse<String> response =
                api.post(
                        "executions/company.team/inputs/validate",
                        Map.of("age", "abc", "kind", "bucket"));

        JsonNode inputs = ApiClient.json(response.body()).path("inputs");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(inputs.get(0).path("errors").get(0).path("message").asText())
                .isEqualTo("Missing required input:name");
        assertThat(inputs.get(1).path("errors").get(0).path("message").asText()).contains("`age`");
        assertThat(inputs.get(7).path("enabled").asBoolean()).isFalse();
        assertThat(harness.server.simulator().executionIds()).isEmpty();
    }

    @Test
    void validateMarksDefaults() throws Exception {
        HttpResponse<String> response =
                api.post("executions/company.team/inputs/validate", Map.of());

        JsonNode kind = ApiClient.json(response.body()).path("inputs").get(6);
        assertThat(kind.path("value").asText()).isEqualTo("vm");
        assertThat(kind.path("isDefault").asBoolean()).isTrue();
        assertThat(kind.path("input").path("defaults").asText()).isEqualTo("vm");
    }

    @Test
    void resumeWithInvalidInputGives422() throws Exception {
        String id = api.create("company.team", "inputs", valid()).path("id").asText();
        api.awaitState(id, "PAUSED");

        HttpResponse<String> response =
                api.post(
                        "executions/" + id + "/resume",
                        Map.of("approved", "true", "budget", "5000"));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(message(response)).contains("`budget`").contains("it must be less than `1000`");
    }

    @Test
    void resumeStoresOnResumeOutputs() throws Exception {
        String id = api.create("company.team", "inputs", valid()).path("id").asText();
        api.awaitState(id, "PAUSED");

        HttpResponse<String> response =
                api.post(
                        "executions/" + id + "/resume", Map.of("approved", "true", "budget", "10"));
        JsonNode done = api.awaitState(id, "SUCCESS");

        assertThat(response.statusCode()).isEqualTo(204);
        JsonNode pauseRun = done.path("taskRunList").get(1);
        assertThat(pauseRun.path("outputs").path("onResume").path("budget").asInt()).isEqualTo(10);
        assertThat(pauseRun.path("outputs").path("resumed").path("to").asText())
                .isEqualTo("SUCCESS");
    }

    @Test
    void resumeValidateListsOnResumeInputs() throws Exception {
        String id = api.create("company.team", "inputs", valid()).path("id").asText();
        api.awaitState(id, "PAUSED");

        HttpResponse<String> response = api.post("executions/" + id + "/resume/validate", Map.of());

        JsonNode inputs = ApiClient.json(response.body()).path("inputs");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(inputs.findValuesAsText("id")).containsExactly("approved", "budget");
    }

    @Test
    void resumeWhenNotPausedGives409() throws Exception {
        String id = api.create("company.team", "inputs", valid()).path("id").asText();
        api.awaitState(id, "PAUSED");
        api.delete("executions/" + id + "/kill");
        api.awaitState(id, "KILLED");

        HttpResponse<String> response =
                api.post("executions/" + id + "/resume", Map.of("approved", "true"));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(message(response))
                .isEqualTo("Execution '" + id + "' is not paused, can't resume it");
    }
}
