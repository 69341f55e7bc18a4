package city.yingzao.systemtests;

import city.yingzao.systemtests.PortalBrowser.Lang;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal's public pages in a real browser against the real stack with the demo city: the
 * community's disclosure (F8) with the ledger checked by the page, in both languages, accessible,
 * without personal data, and usable with JavaScript switched off.
 */
@ExtendWith(SystemUnderTestExtension.class)
class PublicPortalIT {

    static final String COMMUNITY = "510104021001";

    static PortalBrowser browser;

    @BeforeAll
    static void start() {
        browser = PortalBrowser.get();
    }

    @ParameterizedTest(name = "F8 a community's disclosure in {0}: allocation, nine steps, vote results, verified ledger")
    @EnumSource(Lang.class)
    void disclosure(Lang lang) {
        try (BrowserContext context = browser.context(lang)) {
            Page page = context.newPage();
            Response r = page.navigate(browser.url("/public/communities/" + COMMUNITY));
            assertThat(r.status()).isEqualTo(200);
            assertThat(page.locator("html").getAttribute("lang")).isEqualTo(lang.tag());
            assertThat(page.locator("h1").innerText()).contains("水井坊社区");
            assertThat(page.locator("#allocations table tbody tr").count()).isGreaterThan(0);
            assertThat(page.locator("#projects ol.steps").first().locator("li").count()).isEqualTo(9);
            assertThat(page.locator("#votes table tbody tr").count()).isGreaterThan(0);
            assertThat(page.locator("#ledger .verified").innerText())
                    .contains(lang == Lang.ZH ? "哈希链完整" : "hash chain is unbroken");
            String text = page.locator("main").innerText();
            assertThat(text).doesNotContain("community-staff", "resident-1", "council-member");
            browser.axe(page);
            browser.screenshot(page, "public-disclosure-" + lang.tag());
        }
        browser.screenshots(lang, "/public/communities/" + COMMUNITY, "public-disclosure-" + lang.tag());
    }

    @Test
    @DisplayName("the language switch is remembered: English chosen once stays English on the next page")
    void languageRemembered() {
        try (BrowserContext context = browser.context(Lang.ZH)) {
            Page page = context.newPage();
            page.navigate(browser.url("/public/communities"));
            assertThat(page.locator("h1").innerText()).isEqualTo("社区");
            page.locator("a.lang").click();
            assertThat(page.locator("h1").innerText()).isEqualTo("Communities");
            page.navigate(browser.url("/public/communities/" + COMMUNITY));
            assertThat(page.locator("html").getAttribute("lang")).isEqualTo("en");
            browser.axe(page);
        }
    }

    @Test
    @DisplayName("F8 the public pages work without JavaScript: list → community, the CSV ledger downloads")
    void withoutJavaScript() {
        try (BrowserContext context = browser.context(Lang.EN)) {
            context.route("**/*.js", route -> route.abort());
            Page page = context.newPage();
            page.navigate(browser.url("/public/communities"));
            page.locator("a[href='/public/communities/" + COMMUNITY + "']").click();
            assertThat(page.locator("#ledger table tbody tr").count()).isGreaterThan(0);
            var download = page.waitForDownload(() -> page.locator("a[href$='ledger.csv']").click());
            assertThat(download.suggestedFilename()).isEqualTo("ledger-" + COMMUNITY + ".csv");
        }
    }

    @Test
    @DisplayName("an unknown community is a plain 404 page, a malformed code a 400 page, never a 500")
    void badAddresses() {
        try (BrowserContext context = browser.context(Lang.EN)) {
            Page page = context.newPage();
            assertThat(page.navigate(browser.url("/public/communities/999999999999")).status()).isEqualTo(404);
            assertThat(page.locator("h1").innerText()).isEqualTo("Page not found");
            assertThat(page.navigate(browser.url("/public/communities/%00")).status()).isEqualTo(400);
            assertThat(page.navigate(browser.url("/public/communities?page=0")).status()).isEqualTo(400);
        }
    }

    @Test
    @DisplayName("a resident signs in through the real Keycloak page and is greeted by display name, never login name")
    void signIn() {
        try (BrowserContext context = browser.context(Lang.ZH)) {
            Page page = browser.signIn(context, "resident-1", "/me");
            assertThat(page.locator("h1").innerText()).isEqualTo("您好，Resident 1");
            assertThat(page.locator("body").innerText()).doesNotContain("resident-1");
            browser.axe(page);
            page.locator("a[href='/sign-out']").click();
            // Keycloak ends the session and sends the browser back to the front page (with its state)
            page.waitForURL(u -> u.equals(browser.url("/")) || u.startsWith(browser.url("/?")));
            assertThat(page.locator("a[href='/sign-in']").count()).isEqualTo(1);
        }
    }
}
