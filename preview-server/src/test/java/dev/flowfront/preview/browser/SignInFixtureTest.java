package dev.flowfront.preview.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sign-in for basic auth: asked before the first call, asked again after a 401, then resumed. */
class SignInFixtureTest {

    private static Chromium chromium;
    private static FixtureServer server;

    private FakeKestra kestra;
    private CheckedPage checked;
    private Page page;

    @BeforeAll
    static void launch() {
        chromium = Chromium.launch();
        server =
                FixtureServer.start(
                        "approval-fixture.html",
                        html -> html.replace("\"auth\":\"none\"", "\"auth\":\"basic\""));
    }

    @AfterAll
    static void shutDown() {
        server.close();
        chromium.close();
    }

    @BeforeEach
    void openPage() {
        kestra = new FakeKestra("company.team", "request_resources");
        checked = chromium.open();
        kestra.install(checked.context());
        page = checked.page();
    }

    @AfterEach
    void checkPage() {
        try {
            checked.assertNoProblems();
        } finally {
            checked.close();
        }
    }

    private static String basic(String user, String password) {
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private void fillAndSubmit() {
        page.navigate(server.pageUrl());
        page.getByLabel("Resource Type").selectOption("Development tool");
        page.getByLabel("Development Tool").selectOption("Cursor");
        page.getByLabel("Deadline for the resources").fill("2026-05-04");
        page.getByLabel("Provide details about the resources you need").fill("Licence");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit")).click();
    }

    private void signIn(String user, String password) {
        page.getByLabel("User name").fill(user);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    }

    @Test
    void firstCallAsksForCredentials() {
        kestra.requireAuthorization(basic("ana@example.com", "Secret123"));

        fillAndSubmit();
        assertThat(page.locator("form[data-ff-signin]")).isVisible();
        assertThat(page.locator("#ff-signin-title")).isFocused();
        checked.assertAccessible("sign-in form");
        signIn("ana@example.com", "Secret123");

        assertThat(page.locator("section[data-ff-stage=CREATED]")).isVisible();
        assertThat(kestra.createCalls()).isEqualTo(1);
        assertThat(page.url()).doesNotContain("Secret123");
    }

    @Test
    void unauthorizedAsksAgainAndContinues() {
        checked.allowConsoleError("status of 401");
        kestra.requireAuthorization(basic("ana@example.com", "Secret123"));
        fillAndSubmit();
        signIn("ana@example.com", "wrong-password");

        assertThat(page.locator("form[data-ff-signin]"))
                .containsText("did not accept your sign-in");
        signIn("ana@example.com", "Secret123");

        assertThat(page.locator("section[data-ff-stage=CREATED]")).isVisible();
        assertThat(kestra.executionCount()).isEqualTo(1);
        assertThat(page.getByLabel("Password")).hasValue("");
    }

    @Test
    void rememberedSignInSurvivesReload() {
        kestra.requireAuthorization(basic("ana@example.com", "Secret123"));
        fillAndSubmit();
        page.getByLabel("User name").fill("ana@example.com");
        page.getByLabel("Password").fill("Secret123");
        page.getByLabel("Remember until this tab is closed").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.locator("section[data-ff-stage=CREATED]")).isVisible();

        page.reload();

        assertThat(page.locator("section[data-ff-stage=CREATED]")).isVisible();
        assertThat(page.locator("form[data-ff-signin]")).hasCount(0);
        assertThat(kestra.authorizations()).allMatch(basic("ana@example.com", "Secret123")::equals);
    }

    @Test
    void bearerTokenIsSentAsHeader() {
        try (FixtureServer bearerServer =
                FixtureServer.start(
                        "approval-fixture.html",
                        html -> html.replace("\"auth\":\"none\"", "\"auth\":\"bearer\""))) {
            kestra.requireAuthorization("Bearer token-123");
            page.navigate(bearerServer.pageUrl());
            page.getByLabel("Resource Type").selectOption("Development tool");
            page.getByLabel("Development Tool").selectOption("Cursor");
            page.getByLabel("Deadline for the resources").fill("2026-05-04");
            page.getByLabel("Provide details about the resources you need").fill("Licence");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit")).click();

            page.getByLabel("API token").fill("token-123");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

            assertThat(page.locator("section[data-ff-stage=CREATED]")).isVisible();
            assertThat(kestra.authorizations()).contains("Bearer token-123");
        }
    }
}
