package city.yingzao.systemtests;

import city.yingzao.systemtests.PortalBrowser.Lang;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operators', community staff's (finance side) and residents' household-vote pages in a real browser against the real
 * stack with the demo city: the dashboard with its charts and tables, drill-down and CSV; a project moved a step and a gate
 * refused with finance's words (F6); a household's approval ballot, "your household voted", and a second ballot refused (F7).
 */
@ExtendWith(SystemUnderTestExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CityPortalIT {

    static final String COMMUNITY = "510104021001";
    static final String DISTRICT = "510104";

    static PortalBrowser browser;

    @BeforeAll
    static void start() {
        browser = PortalBrowser.get();
    }

    @Order(1)
    @ParameterizedTest(name = "P2 F2-F4 the city operator's dashboard in {0}: charts with their tables, drill-down to the public page, CSV")
    @EnumSource(Lang.class)
    void operatorDashboard(Lang lang) throws Exception {
        try (BrowserContext context = browser.context(lang)) {
            Page page = browser.signIn(context, "city-operator", "/operator");
            assertThat(page.locator("html").getAttribute("lang")).isEqualTo(lang.tag());
            assertThat(page.locator("h1").innerText()).contains(lang == Lang.ZH ? "社区营造总览" : "Community building overview");
            // each chart is drawn by the island, and the same numbers are in a table beside it
            page.locator("yz-chart svg").first().waitFor();
            assertThat(page.locator("yz-chart").count()).isGreaterThanOrEqualTo(2);
            assertThat(page.locator("#districts-h ~ .table-wrap tbody tr").count()).isGreaterThanOrEqualTo(1);
            assertThat(page.locator("#districts-h ~ .table-wrap").innerText()).contains(DISTRICT);
            Download csv = page.waitForDownload(() -> page.locator("a[href^='/operator/districts.csv']").click());
            assertThat(Files.readString(csv.path())).contains("district,name,tier").contains(DISTRICT);
            assertThat(page.locator("main").innerText()).doesNotContain("city-operator");
            // the city's grades, counted by evaluation over every evaluation, are shown to the city operator
            assertThat(page.locator("section[aria-labelledby='grades-h']").innerText())
                    .doesNotContain(lang == Lang.ZH ? "只向市级运营人员" : "city operators and auditors only");
            browser.axe(page);
            browser.screenshot(page, "operator-dashboard-" + lang.tag());

            // city → district → community → its public disclosure
            page.locator("a[href^='/operator/districts/" + DISTRICT + "']").first().click();
            assertThat(page.locator("h1").innerText()).contains(DISTRICT);
            page.locator("yz-chart svg").first().waitFor();
            assertThat(page.locator("#communities-h ~ .table-wrap tbody tr").count()).isGreaterThanOrEqualTo(1);
            Download communities = page.waitForDownload(() -> page.locator("a[href*='/communities.csv']").click());
            assertThat(Files.readString(communities.path())).contains(COMMUNITY);
            browser.axe(page);
            page.locator("a[href='/operator/communities/" + COMMUNITY + "']").click();
            assertThat(page.locator("h1").innerText()).contains("水井坊社区");
            browser.axe(page);
            page.locator("a[href='/public/communities/" + COMMUNITY + "']").first().click();
            assertThat(page.url()).endsWith("/public/communities/" + COMMUNITY);
            assertThat(page.locator("#ledger").count()).isEqualTo(1);
        }
    }

    @Order(2)
    @Test
    @DisplayName("F2-F4 a district operator sees their own district; another district's page is refused (403), never a 500")
    void districtOperator() {
        try (BrowserContext context = browser.context(Lang.EN)) {
            Page page = browser.signIn(context, "district-operator", "/operator");
            assertThat(page.locator("#districts-h ~ .table-wrap tbody tr").count()).isEqualTo(1);
            assertThat(page.locator("#districts-h ~ .table-wrap").innerText()).contains(DISTRICT);
            Response other = page.navigate(browser.url("/operator/districts/510184"));
            assertThat(other.status()).isEqualTo(403);
            browser.axe(page);
        }
    }

    @Order(3)
    @Test
    @DisplayName("F6 community staff move a project a step (zh-CN), then try a step whose gate does not hold and read finance's reason (en)")
    void staffStepsAndGate() {
        try (BrowserContext context = browser.context(Lang.ZH)) {
            Page page = browser.signIn(context, "community-staff", "/staff/fund");
            // the demo's second candidate was in the closed household vote: its step 2 gate holds
            page.locator("a:has-text('院落微绿地共建')").click();
            assertThat(page.locator("li.step.current .n").innerText()).isEqualTo("2");
            page.locator("#note").fill("一户一票结果已公示");
            page.locator("form[action$='/steps'] button").click();
            assertThat(page.locator("p.notice[role=status]").innerText()).contains("已记录这一步");
            assertThat(page.locator("li.step.done").count()).isEqualTo(2);
            assertThat(page.locator("li.step.current .n").innerText()).isEqualTo("3");
            browser.axe(page);
            browser.screenshot(page, "staff-project-step-zh-CN");
        }
        try (BrowserContext context = browser.context(Lang.EN)) {
            Page page = browser.signIn(context, "community-staff", "/staff/fund");
            page.locator("details:has(form[action='/staff/fund/projects']) summary").click();
            page.locator("#p-title").fill("Handrails in the stairwells");
            page.locator("#p-category").selectOption("INFRASTRUCTURE_MAINTENANCE");
            page.locator("#p-budget").fill("12000");
            page.locator("#p-urgency").selectOption("HIGH");
            page.locator("form[action='/staff/fund/projects'] button").click();
            assertThat(page.locator("p.notice[role=status]").innerText()).contains("The project is proposed");
            // step 2 needs a closed household vote that included it: finance refuses and says so
            Response refused = page.waitForResponse(r -> r.url().endsWith("/steps"),
                    () -> page.locator("form[action$='/steps'] button").click());
            assertThat(refused.status()).isEqualTo(422);
            assertThat(page.locator("p.refusal[role=alert]").innerText()).contains("F6").contains("household vote");
            browser.axe(page);
            browser.screenshot(page, "staff-project-gate-en");

            // open a household vote over it, for the residents
            page.navigate(browser.url("/staff/fund"));
            page.locator("details:has(form[action='/staff/fund/rounds']) summary").click();
            page.locator("#r-title").fill("Handrails: one household, one vote");
            page.locator("form[action='/staff/fund/rounds'] label:has-text('Handrails in the stairwells') input").check();
            page.locator("form[action='/staff/fund/rounds'] button").click();
            assertThat(page.locator("p.notice[role=status]").innerText()).contains("The vote round is open");
            browser.axe(page);
        }
    }

    @Order(4)
    @ParameterizedTest(name = "F7 a resident votes for the household in {0}, sees it voted, and a second ballot is refused")
    @EnumSource(Lang.class)
    void householdVotes(Lang lang) {
        String resident = lang == Lang.ZH ? "resident-1" : "resident-2";
        try (BrowserContext context = browser.context(lang)) {
            Page page = browser.signIn(context, resident, "/me/household");
            // a second tab of the same household, opened before the vote: its form is the one a second attempt sends
            Page stale = context.newPage();
            stale.navigate(browser.url("/me/household"));
            var ballot = page.locator("form.approval").first();
            assertThat(ballot.locator(".count-chosen").innerText()).contains(lang == Lang.ZH ? "已选 0 项" : "0 chosen");
            ballot.locator("input[type=checkbox]").first().check();
            assertThat(ballot.locator(".count-chosen").innerText()).contains(lang == Lang.ZH ? "已选 1 项" : "1 chosen");
            browser.axe(page);
            ballot.locator("button[type=submit]").click();
            assertThat(page.locator("p.notice.voted[role=status]").innerText())
                    .contains(lang == Lang.ZH ? "你家已投票（网上" : "Your household voted (online");
            assertThat(page.locator("main").innerText()).doesNotContain(resident);
            browser.axe(page);
            browser.screenshot(page, "household-voted-" + lang.tag());

            // the voted state is finance's record, not the page's memory: it is there on a fresh load, without the form
            page.navigate(browser.url("/me/household"));
            assertThat(page.locator("p.notice.voted[role=status]").count()).isGreaterThan(0);
            assertThat(page.locator("form.approval").count()).isZero();

            // the same household again from the other tab (the form as it was): finance refuses it, F7
            stale.locator("form.approval input[type=checkbox]").first().check();
            Response second = stale.waitForResponse(r -> r.url().endsWith("/ballot"),
                    () -> stale.locator("form.approval button[type=submit]").first().click());
            assertThat(second.status()).isEqualTo(409);
            assertThat(stale.locator("p.refusal[role=alert]").innerText()).contains("F7").contains("already voted");
            browser.axe(stale);
        }
    }
}
