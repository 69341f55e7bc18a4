package city.yingzao.systemtests;

import city.yingzao.systemtests.PortalBrowser.Lang;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal's grants, evaluation and training pages in a real browser against the real stack with the
 * demo city: the public certificate check, grants and the map; the agency's application with the
 * service's reasons; and the evaluator's scoresheet filled with the browser OFFLINE, counted as not yet
 * sent, sent once when the network is back, and submitted exactly once however often it is sent again.
 */
@ExtendWith(SystemUnderTestExtension.class)
class WorkPortalIT {

    static final String COMMUNITY = "510104021001";
    static final String ORG = "ORG-SW-01";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static PortalBrowser browser;
    static SystemUnderTest stack;

    @BeforeAll
    static void start() {
        browser = PortalBrowser.get();
        stack = SystemUnderTest.get();
    }

    @ParameterizedTest(name = "T-rules the public certificate check in {0}: a code gives VALID with the holder's display name and scheme; an unknown code is refused")
    @EnumSource(Lang.class)
    void certificateCheck(Lang lang) throws Exception {
        String code = api("training", "GET", "/api/learners/me/transcript", "evaluator", null).path("certificates").get(0).path("code").asText();
        try (BrowserContext context = browser.context(lang)) {
            Page page = context.newPage();
            page.navigate(browser.url("/public/certificates"));
            page.locator("#code").fill(code);
            page.locator("form.filter button[type=submit]").click();
            page.waitForURL(u -> u.contains("code="));
            Locator standing = page.locator("#cert-result");
            assertThat(standing.getAttribute("data-standing")).isEqualTo("VALID");
            assertThat(standing.innerText()).isEqualTo(lang == Lang.ZH ? "有效" : "VALID");
            String text = page.locator("main").innerText();
            assertThat(text).contains("Evaluator Demo").doesNotContain("evaluator-2");
            browser.axe(page);
            browser.screenshot(page, "work-certificate-" + lang.tag());

            Response unknown = page.navigate(browser.url("/public/certificates?code=YZC-NOSUCHCODE00"));
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(page.locator("[role=alert]").innerText()).isNotBlank();
            browser.axe(page);
        }
        browser.screenshots(lang, "/public/certificates?code=" + code, "work-certificate-" + lang.tag());
    }

    @ParameterizedTest(name = "G8 public grants, evaluation grades and the map in {0}: tables beside every picture, no personal data")
    @EnumSource(Lang.class)
    void publicPages(Lang lang) {
        try (BrowserContext context = browser.context(lang)) {
            Page page = context.newPage();
            assertThat(page.navigate(browser.url("/public/grants")).status()).isEqualTo(200);
            assertThat(page.locator("#awards + .table-wrap tbody tr").count()).isGreaterThan(0);
            assertThat(page.locator("#releases + .table-wrap tbody tr").count()).isGreaterThan(0);
            assertThat(page.locator("main").innerText()).doesNotContain("agency", "reviewer", "evaluator");
            browser.axe(page);

            assertThat(page.navigate(browser.url("/public/evaluations")).status()).isEqualTo(200);
            assertThat(page.locator("main table tbody tr").count()).isGreaterThan(0);
            browser.axe(page);

            assertThat(page.navigate(browser.url("/public/map")).status()).isEqualTo(200);
            assertThat(page.locator("#map-communities + .table-wrap tbody tr").count()).isGreaterThan(0);
            page.locator("yz-map").waitFor();
            page.waitForFunction("() => !!document.querySelector('yz-map').shadowRoot?.querySelector('canvas')");
            browser.axe(page);
        }
        browser.screenshots(lang, "/public/grants", "work-grants-" + lang.tag());
        browser.screenshots(lang, "/public/map", "work-map-" + lang.tag());
    }

    @ParameterizedTest(name = "G2 the agency in {0}: a draft for a call not open is refused with the rule's reasons beside the form; an application's timeline")
    @EnumSource(Lang.class)
    void agency(Lang lang) throws Exception {
        String closedCall = null;
        for (JsonNode c : api("grants", "GET", "/api/calls", "agency", null)) {
            if (!"OPEN".equals(c.path("status").asText())) {
                closedCall = c.path("id").asText();
            }
        }
        assertThat(closedCall).as("a demo call that is no longer open").isNotNull();
        try (BrowserContext context = browser.context(lang)) {
            Page page = browser.signIn(context, "agency", "/agency");
            assertThat(page.locator("h1").innerText()).isEqualTo(lang == Lang.ZH ? "机构工作台" : "Agency desk");
            assertThat(page.locator("#applications + .table-wrap tbody tr").count()).isGreaterThan(0);
            assertThat(page.locator("main").innerText()).doesNotContain("agency");
            browser.axe(page);
            browser.screenshot(page, "work-agency-" + lang.tag());

            page.locator("#applications + .table-wrap tbody tr a").first().click();
            assertThat(page.locator("ol.timeline li").count()).isGreaterThan(0);
            browser.axe(page);

            page.navigate(browser.url("/agency/calls/" + closedCall + "/apply"));
            page.locator("#title").fill("院落微更新（测试）");
            page.locator("#targetCode").fill(COMMUNITY);
            page.locator("#pivotCategory").selectOption("PUBLIC_SPACE");
            page.locator("#requested").fill("1000");
            page.locator("#item-0").fill("物料");
            page.locator("#amount-0").fill("1000");
            page.locator("#name-0").fill("项目负责人");
            Response refused = page.waitForResponse(r -> r.url().endsWith("/apply") && "POST".equals(r.request().method()),
                    () -> page.locator("main form button[type=submit]").click());
            assertThat(refused.status()).isEqualTo(409);
            page.waitForLoadState();
            assertThat(page.locator("#refusal[role=alert]").innerText()).contains("G2");
            assertThat(page.locator("#title").inputValue()).isEqualTo("院落微更新（测试）");
            browser.axe(page);
            browser.screenshot(page, "work-agency-refused-" + lang.tag());
        }
    }

    @Test
    @DisplayName("E5 the evaluator's scoresheet filled OFFLINE: kept on the device, '1 not yet sent', sent once when back online, one submission however often it is sent")
    void offlineScoresheet() throws Exception {
        String evaluation = openEvaluationFor("evaluator");
        try (BrowserContext context = browser.context(Lang.EN, PortalBrowser.Screen.PHONE)) {
            Page page = browser.signIn(context, "evaluator", "/evaluator");
            assertThat(page.locator("h1").innerText()).isEqualTo("Your evaluations");
            // the list registers the worker and downloads every sheet ahead
            page.waitForFunction("() => document.documentElement.dataset.sheetsDownloaded !== undefined");
            browser.axe(page);
            browser.screenshot(page, "work-evaluator-en");

            page.navigate(browser.url("/evaluator/evaluations/" + evaluation + "/sheet"));
            page.waitForFunction("() => navigator.serviceWorker.controller !== null");
            Locator unsent = page.locator("yz-scoresheet [data-unsent]");
            page.waitForFunction("() => document.querySelector('yz-scoresheet [data-unsent]').dataset.count === '0'");
            assertThat(unsent.innerText()).isEqualTo("Every scoresheet has been sent.");

            context.setOffline(true);
            Locator indicators = page.locator("fieldset[data-indicator]");
            int n = indicators.count();
            assertThat(n).isGreaterThan(10);
            for (int i = 0; i < n / 2; i++) {
                indicators.nth(i).locator("input[value='3']").check();
            }
            // the draft is written to IndexedDB on each change; a person does not reload within those milliseconds
            awaitDraftLevels(page, evaluation, n / 2);
            // still offline: the page comes back from the worker, the draft from IndexedDB
            page.reload();
            page.locator("fieldset[data-indicator]").first().waitFor();
            page.waitForFunction("() => document.querySelector('fieldset[data-indicator] input[value=\"3\"]').checked");
            for (int i = n / 2; i < n; i++) {
                indicators.nth(i).locator("input[value='2']").check();
            }
            page.locator("#feedback").fill("Residents take part widely; keep the archive in order.");
            page.locator("button[data-submit]").click();
            page.waitForFunction("() => document.querySelector('yz-scoresheet [data-unsent]').dataset.count === '1'");
            assertThat(unsent.innerText()).startsWith("1 not yet sent");
            browser.axe(page);
            browser.screenshot(page, "work-scoresheet-offline-en");
            assertThat(sheetsSubmitted(evaluation)).isZero();

            // back online: the `online` event sends the outbox once
            context.setOffline(false);
            try {
                page.waitForFunction("() => document.querySelector('yz-scoresheet [data-unsent]').dataset.count === '0'",
                        null, new Page.WaitForFunctionOptions().setTimeout(45_000)); // the online event, then retries after 1, 2, 4 ... s
            } catch (PlaywrightException notSent) {
                throw new AssertionError("the outbox was not sent after going online; the page says \"" + unsent.innerText()
                        + "\", navigator.onLine " + page.evaluate("() => navigator.onLine") + ", outbox " + page.evaluate(OUTBOX_STATES), notSent);
            }
            assertThat(unsent.innerText()).isEqualTo("Every scoresheet has been sent.");
            assertThat(sheetsSubmitted(evaluation)).isEqualTo(1);

            // the same sheet sent again (a flaky network's retry): the service answers with the sheet it has
            Object again = page.evaluate("async (id) => { const r = await fetch('/evaluator/evaluations/' + id + '/sheet/send', {"
                    + " method: 'POST', headers: {'Content-Type': 'application/json', 'X-Requested-With': 'XMLHttpRequest'},"
                    + " body: JSON.stringify(await new Promise((ok, ko) => { const q = indexedDB.open('yz-scoresheets');"
                    + "   q.onsuccess = () => { const g = q.result.transaction('sheets').objectStore('sheets').get('outbox:' + id);"
                    + "     g.onsuccess = () => ok(g.result.sheet); g.onerror = ko; }; q.onerror = ko; })) });"
                    + " return r.status + ' ' + (await r.json()).replayed; }", evaluation);
            assertThat(again).isEqualTo("200 true");
            assertThat(sheetsSubmitted(evaluation)).isEqualTo(1);
            JsonNode sheet = api("evaluation", "GET", "/api/evaluations/" + evaluation + "/sheets/evaluator", "evaluator", null);
            assertThat(sheet.path("submittedAt").isNull()).isFalse();

            page.reload();
            assertThat(page.locator("[data-submitted]").first().innerText()).contains("submitted");
            browser.axe(page);
        }
    }

    @Test
    @DisplayName("the evaluator's list and a learner's transcript in zh-CN, accessible, without login names")
    void evaluatorAndLearnerInChinese() {
        try (BrowserContext context = browser.context(Lang.ZH)) {
            Page page = browser.signIn(context, "evaluator", "/evaluator");
            assertThat(page.locator("h1").innerText()).isEqualTo("我的评估任务");
            browser.axe(page);
            page.navigate(browser.url("/learner"));
            assertThat(page.locator("#certificates + .table-wrap tbody tr").count()).isGreaterThan(0);
            assertThat(page.locator("main").innerText()).doesNotContain("evaluator");
            browser.axe(page);
            browser.screenshot(page, "work-learner-zh-CN");
        }
    }

    /** An on-demand evaluation of the demo grant project, open today, with the evaluator assigned (as the city operator). */
    /** Waits until the sheet's draft on the device holds {@code levels} levels (it is written after each change). */
    private static void awaitDraftLevels(Page page, String evaluation, int levels) throws InterruptedException {
        String read = "(key) => new Promise((ok) => { const q = indexedDB.open('yz-scoresheets');"
                + " q.onsuccess = () => { const r = q.result.transaction('sheets').objectStore('sheets').get(key);"
                + " r.onsuccess = () => ok(r.result && r.result.levels ? r.result.levels.length : 0); r.onerror = () => ok(-1); };"
                + " q.onerror = () => ok(-1); })";
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
        Object held = null;
        while (System.nanoTime() < deadline) {
            held = page.evaluate(read, "draft:" + evaluation);
            if (held instanceof Number number && number.intValue() == levels) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the draft on the device holds " + held + " levels, not " + levels);
    }

    /** Each outbox entry's state and the service's answer, read from IndexedDB (for a failure message). */
    private static final String OUTBOX_STATES = "() => new Promise((ok) => { const q = indexedDB.open('yz-scoresheets');"
            + " q.onsuccess = () => { const r = q.result.transaction('sheets').objectStore('sheets').getAll();"
            + " r.onsuccess = () => ok(JSON.stringify(r.result.filter((e) => e && e.state).map((e) => ({ state: e.state, detail: e.detail, send: e.send }))));"
            + " r.onerror = () => ok('unreadable'); }; q.onerror = () => ok('unreadable'); })";

    private static String openEvaluationFor(String evaluator) throws Exception {
        JsonNode award = null;
        for (JsonNode a : api("grants", "GET", "/api/public/awards", null, null).path("lines")) {
            award = a;
        }
        assertThat(award).as("the demo's awarded project").isNotNull();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        JsonNode opened = api("evaluation", "POST", "/api/evaluations", "city-operator", Map.of(
                "projectId", award.path("projectId").asText(), "callId", award.path("callId").asText(), "organisationCode", ORG,
                "communityCode", COMMUNITY, "title", award.path("title").asText() + " · WorkPortalIT", "kind", "ON_DEMAND",
                "windowOpensOn", today.toString(), "windowClosesOn", today.plusDays(30).toString()));
        String id = opened.path("id").asText();
        api("evaluation", "POST", "/api/evaluations/" + id + "/assignments", "city-operator",
                Map.of("evaluatorId", evaluator, "reason", "WorkPortalIT"));
        return id;
    }

    private static int sheetsSubmitted(String evaluation) throws Exception {
        return api("evaluation", "GET", "/api/evaluations/" + evaluation + "/results", "city-operator", null).path("sheetsSubmitted").asInt();
    }

    private static JsonNode api(String service, String method, String path, String user, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(stack.serviceUrl(service) + path)).timeout(Duration.ofSeconds(20))
                .header("Accept", "application/json");
        if (user != null) {
            b.header("Authorization", "Bearer " + stack.token(user));
        }
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("%s %s %s: %s", method, service, path, r.body()).isBetween(200, 299);
        return JSON.readTree(r.body());
    }
}
