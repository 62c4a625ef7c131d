package dev.flowfront.samples;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The data_entry app: one field of each Kestra input type, checked by what the page shows and by
 * the multipart body it sends, which must follow Kestra's wire format for each type.
 */
class DataEntryTest extends AppJourney {

    private static SampleSite site;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Pattern CREATE_URL =
            Pattern.compile("/executions/company\\.team/data_entry(\\?|$)");

    /** One part of a multipart body. */
    private record Part(String fileName, String content) {}

    @BeforeAll
    static void start() {
        site = SampleSite.start(2);
    }

    @AfterAll
    static void stop() {
        if (site != null) {
            site.close();
        }
    }

    @Override
    SampleSite site() {
        return site;
    }

    /**
     * Returns a zone two hours ahead of UTC in May, which shows that DATETIME is sent as an instant
     * while DATE is sent as typed.
     */
    @Override
    String timezoneId() {
        return "Europe/Paris";
    }

    @Test
    void everyTypeIsSentInKestraWireFormat() throws JsonProcessingException {
        List<Request> creates = new CopyOnWriteArrayList<>();
        page.onRequest(
                request -> {
                    if (request.method().equals("POST")
                            && CREATE_URL.matcher(request.url()).find()) {
                        creates.add(request);
                    }
                });
        page.navigate(site.pageUrl("company.team", "data_entry"));
        assertThat(stage("OPEN")).isVisible();
        fillEveryField();
        assertThat(stage("OPEN")).containsText("You typed Typed text.");
        checked.assertAccessible("OPEN");

        button("Submit").click();
        assertThat(stage("SUCCESS")).isVisible();

        assertThat(creates).hasSize(1);
        Map<String, Part> parts = parse(creates.get(0));
        assertThat(parts.get("text").content()).isEqualTo("Typed text");
        assertThat(parts.get("count").content()).isEqualTo("7");
        assertThat(parts.get("ratio").content()).isEqualTo("0.25");
        assertThat(parts.get("enabled").content()).isEqualTo("false");
        assertThat(parts.get("legacy_flag").content()).isEqualTo("false");
        assertThat(parts.get("color").content()).isEqualTo("green");
        assertThat(parts.get("shape").content()).isEqualTo("square");
        assertThat(parts.get("toppings").content()).isEqualTo("[\"cheese\",\"ham\",\"olives\"]");
        assertThat(parts.get("day").content()).isEqualTo("2026-05-17");
        assertThat(parts.get("moment").content()).endsWith("Z");
        assertThat(Instant.parse(parts.get("moment").content()))
                .isEqualTo(Instant.parse("2026-05-17T12:30:00Z"));
        assertThat(parts.get("alarm").content()).startsWith("09:15");
        assertThat(parts.get("timeout").content()).isEqualTo("PT1H30M");
        assertThat(parts.get("document").fileName()).isEqualTo("readings.csv");
        assertThat(parts.get("document").content()).isEqualTo("day,value\n2026-05-17,42\n");
        assertThat(parts.get("settings").content()).isEqualTo("{\"retries\": 5}");
        assertThat(parts.get("manifest").content()).isEqualTo("kind: demo");
        assertThat(parts.get("homepage").content()).isEqualTo("https://flowfront.dev/docs");
        assertThat(parts.get("contact").content()).isEqualTo("ana@example.com");
        // Kestra converts each element with the item type, so ["10","20"] and [10,20] both work.
        JsonNode scores = JSON.readTree(parts.get("scores").content());
        assertThat(scores.isArray()).isTrue();
        assertThat(scores).extracting(JsonNode::asText).containsExactly("10", "20");
        assertThat(parts.get("api_key").content()).isEqualTo("s3cret-key");
        assertThat(parts).allSatisfy((name, part) -> assertThat(name).isNotEqualTo("labels"));
    }

    @Test
    void successShowsEveryInput() {
        page.navigate(site.pageUrl("company.team", "data_entry"));
        fillEveryField();

        button("Submit").click();

        assertThat(stage("SUCCESS")).isVisible();
        assertThat(shownValue("SUCCESS", "Inputs", "text")).hasText("Typed text");
        assertThat(shownValue("SUCCESS", "Inputs", "count")).hasText("7");
        assertThat(shownValue("SUCCESS", "Inputs", "color")).hasText("green");
        assertThat(shownValue("SUCCESS", "Inputs", "toppings")).containsText("ham");
        assertThat(shownValue("SUCCESS", "Inputs", "day")).hasText("2026-05-17");
        assertThat(shownValue("SUCCESS", "Inputs", "timeout")).hasText("PT1H30M");
        assertThat(shownValue("SUCCESS", "Inputs", "document")).containsText("readings.csv");
        assertThat(shownValue("SUCCESS", "Inputs", "scores")).containsText("20");
        assertThat(shownValue("SUCCESS", "Inputs", "api_key")).hasCount(0);
        assertThat(shownValue("SUCCESS", "Outputs", "summary")).hasText("Typed text x7");
        checked.assertAccessible("SUCCESS");
    }

    private void fillEveryField() {
        page.getByLabel(Pattern.compile("^Text")).fill("Typed text");
        page.getByLabel("Count").fill("7");
        page.getByLabel("Ratio").fill("0.25");
        page.getByLabel("Enabled").uncheck();
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("False")).check();
        page.getByLabel("Color").selectOption("green");
        page.getByLabel("Shape").selectOption("square");
        page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("ham")).check();
        page.getByLabel("Day").fill("2026-05-17");
        page.getByLabel("Moment").fill("2026-05-17T14:30");
        page.getByLabel("Alarm").fill("09:15");
        page.getByLabel("Timeout").fill("PT1H30M");
        page.getByLabel("Document")
                .setInputFiles(
                        new FilePayload(
                                "readings.csv",
                                "text/csv",
                                "day,value\n2026-05-17,42\n".getBytes(StandardCharsets.UTF_8)));
        page.getByLabel("Settings (JSON)").fill("{\"retries\": 5}");
        page.getByLabel("Manifest (YAML)").fill("kind: demo");
        page.getByLabel("Home page").fill("https://flowfront.dev/docs");
        page.getByLabel("Contact").fill("ana@example.com");
        page.locator("[data-ff-input=scores] input").first().fill("10");
        button("Add item").click();
        page.locator("[data-ff-input=scores] input").nth(1).fill("20");
        page.getByLabel("API key").fill("s3cret-key");
    }

    /** Splits a multipart/form-data request body into its parts, by part name. */
    private static Map<String, Part> parse(Request request) {
        String contentType = request.headerValue("content-type");
        Matcher boundaryMatch = Pattern.compile("boundary=(.+)$").matcher(contentType);
        assertThat(boundaryMatch.find()).as("boundary in %s", contentType).isTrue();
        String body = new String(request.postDataBuffer(), StandardCharsets.UTF_8);
        Pattern header =
                Pattern.compile(
                        "Content-Disposition: form-data; name=\"([^\"]+)\"(?:; filename=\"([^\"]*)\")?",
                        Pattern.CASE_INSENSITIVE);
        Map<String, Part> parts = new LinkedHashMap<>();
        for (String chunk : body.split(Pattern.quote("--" + boundaryMatch.group(1)))) {
            int split = chunk.indexOf("\r\n\r\n");
            if (split < 0) {
                continue;
            }
            Matcher name = header.matcher(chunk.substring(0, split));
            assertThat(name.find()).as("part header in %s", chunk).isTrue();
            String content = chunk.substring(split + 4);
            content =
                    content.endsWith("\r\n") ? content.substring(0, content.length() - 2) : content;
            parts.put(name.group(1), new Part(name.group(2), content));
        }
        return parts;
    }
}
