package dev.flowfront.samples;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hello_world app: a name goes in, the myflow flow greets it, and its logs show. */
class HelloWorldTest extends AppJourney {

    private static SampleSite site;

    @BeforeAll
    static void start() {
        // Each task lasts 2 s, so RUNNING stays on screen while axe-core checks it.
        site = SampleSite.start(0.1);
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

    @Test
    void greetsDefaultNameThenAnother() {
        page.navigate(site.pageUrl("company.team", "hello_world"));
        assertThat(stage("OPEN")).isVisible();
        assertThat(page.getByLabel("Your name")).hasValue("World");
        checked.assertAccessible("OPEN");

        button("Submit").click();
        assertThat(stage("RUNNING")).isVisible();
        assertThat(stage("RUNNING")).containsText("Greeting World…");
        assertThat(stage("RUNNING").getByRole(AriaRole.LOG)).isAttached();
        checked.assertAccessible("RUNNING");

        assertThat(stage("SUCCESS")).isVisible();
        assertThat(stage("SUCCESS").getByRole(AriaRole.STATUS))
                .containsText("The flow ran to its end.");
        assertThat(stage("SUCCESS").locator(".ff-log-message")).hasText("Hello World");
        checked.assertAccessible("SUCCESS");
        assertThat(checked.stagesSeen()).containsSubsequence("RUNNING", "SUCCESS");

        Locator again =
                stage("SUCCESS")
                        .getByRole(
                                AriaRole.LINK,
                                new Locator.GetByRoleOptions().setName("Say hello again"));
        again.click();
        assertThat(stage("OPEN")).isVisible();
        assertThat(page).hasURL(Pattern.compile("/hello_world/$"));
        page.getByLabel("Your name").fill("Ada Lovelace");

        button("Submit").click();
        assertThat(stage("RUNNING")).containsText("Greeting Ada Lovelace…");
        assertThat(stage("SUCCESS")).isVisible();
        assertThat(stage("SUCCESS").locator(".ff-log-message")).hasText("Hello Ada Lovelace");
    }

    @Test
    void linksBackToCatalog() {
        page.navigate(site.pageUrl("company.team", "hello_world"));
        assertThat(stage("OPEN")).isVisible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("All apps")).click();

        assertThat(page).hasURL(Pattern.compile("/index\\.html$"));
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Say hello")))
                .isVisible();
    }
}
