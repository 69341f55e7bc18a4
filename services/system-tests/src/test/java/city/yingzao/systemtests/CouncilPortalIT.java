package city.yingzao.systemtests;

import city.yingzao.systemtests.PortalBrowser.Lang;
import city.yingzao.testing.BlindBallotVoter;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Councils through the portal in a real browser (real Keycloak sign-in, real services, the demo city's
 * 25-member community council of 水井坊社区): residents co-sign (D4), the party reviewer reviews with a reason
 * (D5), and a secret ballot (D8) whose members vote from their own browsers beside members voting through the
 * reference client, with the tally and each browser's receipt checked.
 */
@ExtendWith(SystemUnderTestExtension.class)
class CouncilPortalIT {

    static final String COMMUNITY = "510104021001";

    static PortalBrowser browser;
    static SystemUnderTest sut;
    static String deliberation;
    static String council;

    @BeforeAll
    static void stack(SystemUnderTest system) {
        sut = system;
        browser = PortalBrowser.get(); // the portal, every service and the demo city
        deliberation = sut.deliberationUrl();
        council = as("community-staff").get(deliberation + "/api/councils?community=" + COMMUNITY)
                .path("find { it.level == 'COMMUNITY' && it.constituted }.id");
        assertThat(council).as("the demo city's community council").isNotNull();
    }

    @Test
    @DisplayName("D4 a resident co-signs a residents' proposal in the browser: the bar moves and the page says so")
    void residentCoSigns() {
        String proposal = as("resident-1").body(Map.of("title", "院落增设休息座椅", "body", "老人散步需要歇脚处，建议增设座椅 6 把。",
                "subjectType", "GENERAL")).post(deliberation + "/api/councils/" + council + "/proposals")
                .then().statusCode(201).extract().path("id");
        try (BrowserContext context = browser.context(Lang.ZH)) {
            Page page = browser.signIn(context, "resident-3", "/me/proposals");
            var card = page.locator("#p-" + proposal);
            assertThat(card.locator("label").first().innerText()).contains("1 / 10");
            browser.axe(page);
            card.locator("button").click();
            page.waitForURL(u -> u.contains("/me/proposals"));
            assertThat(page.locator("p.notice").first().innerText()).isEqualTo("您已联署。");
            card = page.locator("#p-" + proposal);
            assertThat(card.locator("label").first().innerText()).contains("2 / 10");
            assertThat(card.innerText()).contains("您已联署此提议").doesNotContain("resident-");
            assertThat(card.locator("button").count()).isZero();
            browser.axe(page);
            browser.screenshot(page, "resident-proposals-zh-CN");
        }
    }

    @Test
    @DisplayName("D5 the party reviewer rejects a proposal with a reason in English; the reason stays on the proposal")
    void reviewerRejectsWithReason() {
        String proposal = filedByCommittee("Paint the courtyard gates");
        try (BrowserContext context = browser.context(Lang.EN)) {
            Page page = browser.signIn(context, "party-reviewer", "/council/proposals/" + proposal);
            assertThat(page.locator("h1").innerText()).isEqualTo("Paint the courtyard gates");
            browser.axe(page);
            page.locator("input[value=REJECT]").check();
            page.locator("#reason").fill("The gates are being replaced by the district next spring.");
            page.locator("form button[type=submit]").click();
            page.waitForURL(u -> u.endsWith("/council/proposals/" + proposal));
            assertThat(page.locator("p.notice").innerText()).isEqualTo("The review is recorded.");
            assertThat(page.locator("p.meta").first().innerText()).contains("rejected");
            assertThat(page.locator("main").innerText()).contains("replaced by the district next spring");
            browser.axe(page);
        }
    }

    @Test
    @DisplayName("D8 a secret ballot cast from three members' browsers and seventeen reference clients: tally 18-2, each browser's receipt counted")
    void secretBallotFromBrowsers() {
        String proposal = filedByCommittee("Extend the reading room's opening hours");
        as("party-reviewer").body(Map.of("decision", "APPROVE")).post(deliberation + "/api/proposals/" + proposal + "/review")
                .then().statusCode(200);
        var scheduled = as("community-staff").body(Map.of("title", "Council meeting on the reading room",
                        "scheduledAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                        "chairPersonId", "community-staff", "proposalIds", List.of(proposal)))
                .post(deliberation + "/api/councils/" + council + "/meetings").then().statusCode(201).extract();
        String meeting = scheduled.path("id");
        String room = "/council/meetings/" + meeting;
        for (int n = 4; n <= 20; n++) {
            as(member(n)).post(deliberation + "/api/meetings/" + meeting + "/attendance").then().statusCode(200);
        }

        List<BrowserContext> contexts = new ArrayList<>();
        try {
            Map<Integer, Page> members = new LinkedHashMap<>();
            for (int n = 1; n <= 3; n++) {
                BrowserContext c = browser.context(n == 2 ? Lang.EN : Lang.ZH);
                contexts.add(c);
                Page page = browser.signIn(c, member(n), room);
                page.locator("form[action$='/attendance'] button").click(); // the member signs in to the meeting
                page.waitForURL(u -> u.endsWith(room));
                members.put(n, page);
            }
            BrowserContext chairContext = browser.context(Lang.EN);
            contexts.add(chairContext);
            Page chair = browser.signIn(chairContext, "community-staff", room);
            assertThat(chair.locator("#quorum-h + p label").innerText()).contains("20 of 25 present");
            browser.axe(chair);
            chair.locator("form[action*='/items/'] button").click();
            chair.waitForURL(u -> u.endsWith(room));
            String motion = as(member(4)).body(Map.of("text", "Open the reading room until 21:00 on weekdays"))
                    .post(deliberation + "/api/meetings/" + meeting + "/motions").then().statusCode(201).extract().path("id");
            chair.reload();
            chair.locator("form[action$='/vote'] button").click();
            chair.waitForURL(u -> u.endsWith(room));

            // phase 1: each browser takes its credential as soon as its page shows the open vote
            for (Page page : members.values()) {
                page.reload();
                page.locator("yz-ballot fieldset").waitFor();
            }
            String box = deliberation + "/api/motions/" + motion + "/ballot-box";
            String spki = as("community-staff").get(box).path("publicKeySpki");
            Map<Integer, BlindBallotVoter> clients = new LinkedHashMap<>();
            for (int n = 4; n <= 20; n++) {
                BlindBallotVoter voter = BlindBallotVoter.forBox(spki);
                String blindSig = as(member(n)).body(Map.of("blindedMsg", voter.blindedMsg()))
                        .post(deliberation + "/api/motions/" + motion + "/credentials").then().statusCode(200).extract().path("blindSig");
                clients.put(n, voter.finalizeBlindSig(blindSig));
            }
            await(() -> as("community-staff").get(box).<Integer>path("issued") == 20, "20 credentials issued");

            // phase 2: casting opens; the browsers cast without their session, the clients anonymously
            chair.reload();
            chair.locator("form[action$='/close-issuance'] button").click();
            chair.waitForURL(u -> u.endsWith(room));
            Map<Integer, String> choices = Map.of(1, "YES", 2, "YES", 3, "NO");
            for (var e : members.entrySet()) {
                Page page = e.getValue();
                var radio = page.locator("yz-ballot input[value=" + choices.get(e.getKey()) + "]");
                radio.waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
                await(radio::isEnabled, "member " + e.getKey() + "'s ballot opens for casting");
                page.locator("yz-ballot input[value=" + choices.get(e.getKey()) + "]").check();
                page.locator("yz-ballot button[type=submit]").click();
            }
            for (var e : clients.entrySet()) {
                RestAssured.given().contentType(ContentType.JSON).body(e.getValue().ballot(motion, e.getKey() == 20 ? "NO" : "YES"))
                        .post(deliberation + "/api/ballots").then().statusCode(201);
            }
            Map<Integer, String> receipts = new LinkedHashMap<>();
            for (var e : members.entrySet()) {
                e.getValue().locator("yz-ballot code.receipt").waitFor();
                receipts.put(e.getKey(), e.getValue().locator("yz-ballot code.receipt").innerText().trim());
                browser.axe(e.getValue());
            }
            browser.screenshot(members.get(1), "council-ballot-cast-zh-CN");

            chair.reload();
            chair.locator("form[action$='/close-vote'] button").click();
            chair.waitForURL(u -> u.endsWith(room));
            var tally = RestAssured.given().get(deliberation + "/api/public/motions/" + motion + "/ballots").then().statusCode(200).extract();
            assertThat(tally.<Integer>path("yes")).isEqualTo(18);
            assertThat(tally.<Integer>path("no")).isEqualTo(2);
            assertThat(tally.<Integer>path("cast")).isEqualTo(20);

            for (var e : members.entrySet()) {
                Page page = e.getValue();
                page.navigate(browser.url("/public/motions/" + motion + "/ballots?receipt=" + receipts.get(e.getKey())));
                String expected = e.getKey() == 2 ? "Your ballot is counted: for"
                        : e.getKey() == 1 ? "您的选票已计入：赞成" : "您的选票已计入：反对";
                assertThat(page.locator("p.verified").innerText()).contains(expected);
                assertThat(page.locator("table tbody tr").count()).isEqualTo(20);
                browser.axe(page);
            }
            browser.screenshot(members.get(2), "council-tally-en");
        } finally {
            contexts.forEach(BrowserContext::close);
        }
    }

    private static String filedByCommittee(String title) {
        return as("community-staff").body(Map.of("title", title, "body", "Filed by the residents' committee for the council.",
                        "subjectType", "GENERAL", "onBehalfOf", "COMMITTEE"))
                .post(deliberation + "/api/councils/" + council + "/proposals").then().statusCode(201).extract().path("id");
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 30 s: " + what);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static RequestSpecification as(String user) {
        return RestAssured.given().contentType(ContentType.JSON).accept(ContentType.JSON).auth().oauth2(sut.token(user));
    }

    private static String member(int n) {
        return "council-member-" + n;
    }
}
