package city.yingzao.systemtests;

import city.yingzao.systemtests.PortalBrowser.Lang;
import city.yingzao.testing.BlindBallotVoter;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, the chain, on the real stack (real Keycloak password-grant tokens, the real broker, the packaged
 * services), in a community of its own so that it does not depend on the demo city's state: the registry
 * publishes the community and its households → finance allocates the year (F3) → households vote, online and
 * on paper (F7) → ten residents propose (D4), the party organisation approves (D5) → the council meets with
 * quorum (D6) and votes by blind-signed secret ballot (D8) → publicity ends and the resolution is adopted (D9) →
 * the fund project goes through steps 4-9 with payments (F6, F1, D10) → a grant call, an agency applies for that
 * community (G2), review with a conflicted reviewer excluded (G3), award → training certifies the evaluators and
 * the supervisor (T3) → the agreement releases the first tranche, the 1+1+1+1 team is seated (G4, G5) →
 * supervision is logged (G5) → the mid-term evaluation is scored (E2, E5), moderated and released (E6) → the
 * second tranche is released automatically (G4) → the anonymous public endpoints show the allocation, the ledger
 * (recomputed here and verified by the auditor), the resolution, the project's steps, the award, the releases and
 * the grade, with no personal data (F8).
 *
 * <p>The community-scoped people (staff, party reviewer, the supervisory board, 25 council members, 10 residents
 * of households H0001-H0010, an agency of a new organisation, reviewers, evaluators, a supervisor) are users made
 * here through Keycloak's admin API, scoped to this test's communities, and deleted at the end; the city operator,
 * the auditor and the trainer are the realm's demo users. The evaluation's appeal window (at least one day, E5)
 * cannot be waited for: the organisation appeals and the city operator dismisses it, which makes the released
 * result final at once, as a window closing without appeal would.
 */
@ExtendWith(SystemUnderTestExtension.class)
@DisplayName("From the households' vote to the public disclosure, through the real stack")
class HouseholdVoteToDisclosureIT {

    static final String DISTRICT = "510104";
    static final String STREET = "510104021";
    /** The community of the API chain and the one of the portal's shorter chain: codes the demo city does not use. */
    static final String API_COMMUNITY = "510104021071";
    static final String PORTAL_COMMUNITY = "510104021072";
    static final String ORG = "ORG-CHAIN-01";
    static final String ORG_NAME = "锦江区营造链社会工作服务中心";
    static final List<String> GROUPS = List.of("G01", "G02", "G03", "G04", "G05");
    static final int HOUSEHOLDS = 1200;
    static final int YEAR = LocalDate.now().getYear();
    static final Duration EVENTS = Duration.ofSeconds(120);

    static final String STAFF = "chain-staff";
    static final String PARTY = "chain-party";
    static final String BOARD = "chain-board";
    static final String AGENCY = "chain-agency";
    static final String REVIEWER = "chain-reviewer";
    static final String LOCAL_REVIEWER = "chain-reviewer-local";
    static final String EVALUATOR_1 = "chain-evaluator-1";
    static final String EVALUATOR_2 = "chain-evaluator-2";
    static final String SUPERVISOR = "chain-supervisor";
    static final String PORTAL_RESIDENT = "chain-portal-resident";

    static SystemUnderTest sut;
    static RealmUsers users;
    static FinanceApi finance;
    static DeliberationApi deliberation;
    static TrainingApi training;
    static GrantsApi grants;
    static EvaluationApi evaluation;
    private static boolean certified;

    @BeforeAll
    static void territoryAndPeople(SystemUnderTest system) {
        sut = system;
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        users = new RealmUsers(sut.keycloakRealmUrl());
        List<String> both = List.of(API_COMMUNITY, PORTAL_COMMUNITY);
        users.create(STAFF, "Chain", "Staff", List.of("community-staff"), Map.of("community", both, "district", List.of(DISTRICT)));
        users.create(PARTY, "Chain", "Party", List.of("party-reviewer"), Map.of("community", both));
        users.create(BOARD, "Chain", "Board", List.of("supervisor"), Map.of("community", both));
        for (int n = 1; n <= 25; n++) {
            users.create(member(n), "Chain", "Member " + n, List.of("council-member", "resident"), Map.of("community", both));
        }
        for (int n = 1; n <= 10; n++) {
            users.create(resident(n), "Chain", "Resident " + n, List.of("resident"),
                    Map.of("community", both, "household", List.of(household(n))));
        }
        // the portal's resident: their first (only) community is the portal chain's, of household H0008 there
        users.create(PORTAL_RESIDENT, "Chain", "Household", List.of("resident"),
                Map.of("community", List.of(PORTAL_COMMUNITY), "household", List.of(household(8))));
        users.create(AGENCY, "Chain", "Agency", List.of("agency"), Map.of("org", List.of(ORG)));
        users.create(REVIEWER, "Chain", "Reviewer", List.of("reviewer"), Map.of());
        // G3 hard conflict: holds a community claim for the target community
        users.create(LOCAL_REVIEWER, "Chain", "Local Reviewer", List.of("reviewer"), Map.of("community", both));
        users.create(EVALUATOR_1, "Chain", "Evaluator One", List.of("evaluator"), Map.of());
        users.create(EVALUATOR_2, "Chain", "Evaluator Two", List.of("evaluator"), Map.of());
        users.create(SUPERVISOR, "Chain", "Supervisor", List.of("supervisor"), Map.of());

        RegistryApi registry = new RegistryApi(sut.registryUrl());
        String operator = sut.token("city-operator");
        registry.ensure("/api/districts", operator, RegistryApi.district(DISTRICT, "锦江区", "MAIN_URBAN"));
        registry.ensure("/api/streets", operator, RegistryApi.street(STREET, "水井坊街道", DISTRICT));
        for (String community : both) {
            registry.ensure("/api/communities", operator, RegistryApi.community(community, name(community), STREET, HOUSEHOLDS, 3));
            for (int g = 0; g < GROUPS.size(); g++) {
                registry.ensure("/api/communities/" + community + "/groups", operator,
                        Map.of("code", GROUPS.get(g), "name", "第" + (g + 1) + "居民小组"));
            }
            for (int h = 1; h <= 12; h++) {
                registry.ensure("/api/communities/" + community + "/households", operator,
                        Map.of("code", household(h), "groupCode", GROUPS.get((h - 1) % GROUPS.size())));
            }
        }
        registry.ensure("/api/communities/" + API_COMMUNITY + "/organisations", operator,
                Map.of("code", ORG, "name", ORG_NAME, "type", "SOCIAL_ORGANISATION", "registeredOn", "2015-03-18"));

        finance = new FinanceApi(sut);
        deliberation = new DeliberationApi(sut);
        training = new TrainingApi(sut);
        grants = new GrantsApi(sut);
        evaluation = new EvaluationApi(sut);
    }

    @AfterAll
    static void peopleLeave() {
        if (users != null) {
            users.deleteAll();
        }
    }

    @Test
    @DisplayName("F3 F7 D4 D5 D6 D8 D9 F6 F1 D10 G2 G3 G4 G5 T3 E2 E5 E6 F8: from the households' vote to the public disclosure, through the APIs with real tokens")
    void chainThroughTheApis() {
        Chain chain = new Chain(API_COMMUNITY, "A");
        chain.registryEventsReachTheServices();
        chain.financeAllocatesTheYear();
        chain.householdsVoteOnlineAndOnPaper(null);
        chain.councilIsConstituted();
        chain.tenResidentsProposeAndThePartyOrganisationApproves();
        chain.councilMeetsWithQuorum();
        chain.secretBallotPassesAndPublicityEndsInAdoption();
        chain.fundProjectGoesThroughStepsFourToNineWithPayments();
        evaluatorsAndSupervisorCertifiedByTraining();
        chain.grantAwardedAfterReviewWithAConflictExcluded();
        chain.agreementReleasesTheFirstTrancheAndTheTeamIsSeated();
        chain.supervisionIsLogged();
        chain.midTermEvaluationScoredModeratedAndReleased();
        chain.secondTrancheReleasedAutomatically();
        chain.publicDisclosureShowsEveryStepWithoutPersonalData();
    }

    @Test
    @DisplayName("F7 D9 F6 G4 E6 F8: the same chain in a second community, its household vote cast on the portal's ballot page and its disclosure read in the browser: allocation, nine steps, verified ledger, resolution, award with releases, grade")
    void chainThroughThePortal() {
        PortalBrowser browser = PortalBrowser.get();
        Chain chain = new Chain(PORTAL_COMMUNITY, "B");
        chain.registryEventsReachTheServices();
        chain.financeAllocatesTheYear();
        chain.householdsVoteOnlineAndOnPaper(c -> householdVotesInThePortal(browser, c));
        chain.councilIsConstituted();
        chain.tenResidentsProposeAndThePartyOrganisationApproves();
        chain.councilMeetsWithQuorum();
        chain.secretBallotPassesAndPublicityEndsInAdoption();
        chain.fundProjectGoesThroughStepsFourToNineWithPayments();
        evaluatorsAndSupervisorCertifiedByTraining();
        chain.grantAwardedAfterReviewWithAConflictExcluded();
        chain.agreementReleasesTheFirstTrancheAndTheTeamIsSeated();
        chain.supervisionIsLogged();
        chain.midTermEvaluationScoredModeratedAndReleased();
        chain.secondTrancheReleasedAutomatically();
        publicPagesShowTheChain(browser, chain);
    }

    /** F7 in the browser: the household's resident signs in through Keycloak's page, ticks the project, sends; the page says it voted. */
    static void householdVotesInThePortal(PortalBrowser browser, Chain chain) {
        try (BrowserContext context = browser.context(Lang.ZH)) {
            Page page = browser.signIn(context, PORTAL_RESIDENT, "/me/household");
            Locator ballot = page.locator("#r-" + chain.round);
            // the household arrives from the registry's events: the page shows the round once finance knows it
            for (int i = 0; i < 60 && ballot.count() == 0; i++) {
                ServiceApi.sleep(1000);
                page.reload();
            }
            ballot.locator("input[name=approve][value='" + chain.project + "']").check();
            ballot.locator("button[type=submit]").click();
            page.waitForLoadState();
            assertThat(page.locator("#r-" + chain.round + " .notice.voted").innerText()).contains("✔");
            assertThat(page.locator("body").innerText()).doesNotContain(PORTAL_RESIDENT);
            browser.axe(page);
            browser.screenshot(page, "chain-household-vote");
        }
        // one household, one vote: finance refuses the same household's ballot through the API (F7)
        finance.ballot(resident(8), chain.community, chain.round, List.of()).then().statusCode(409);
    }

    /** F8 in the browser, anonymous: the community's disclosure, its resolutions, the grants and the evaluations pages. */
    static void publicPagesShowTheChain(PortalBrowser browser, Chain chain) {
        try (BrowserContext context = browser.context(Lang.ZH)) {
            Page page = context.newPage();
            assertThat(page.navigate(browser.url("/public/communities/" + chain.community)).status()).isEqualTo(200);
            assertThat(page.locator("h1").innerText()).contains(name(chain.community));
            assertThat(page.locator("#allocations table").first().locator("tbody tr").first().innerText()).contains(String.valueOf(YEAR));
            Locator project = page.locator("#projects article.project").filter(new Locator.FilterOptions()
                    .setHas(page.locator("#p-" + chain.project)));
            assertThat(project.locator("ol.steps li").count()).isEqualTo(9);
            assertThat(project.locator("ol.steps li").nth(8).innerText()).contains("档案归集");
            assertThat(page.locator("#votes table tbody tr").count()).isGreaterThan(0);
            assertThat(page.locator("#ledger .verified").innerText()).contains("哈希链完整");
            String disclosure = page.locator("main").innerText();
            browser.axe(page);
            browser.screenshot(page, "chain-disclosure");

            assertThat(page.navigate(browser.url("/public/communities/" + chain.community + "/resolutions")).status()).isEqualTo(200);
            assertThat(page.locator("main table tbody tr").count()).isEqualTo(1);
            String resolutions = page.locator("main").innerText();

            assertThat(page.navigate(browser.url("/public/grants")).status()).isEqualTo(200);
            String grantsPage = page.locator("main").innerText();
            assertThat(grantsPage).contains(chain.grantTitle());

            assertThat(page.navigate(browser.url("/public/evaluations")).status()).isEqualTo(200);
            Locator grade = page.locator("main table tbody tr").filter(new Locator.FilterOptions().setHasText(chain.grantTitle()));
            assertThat(grade.count()).as("the grade of the chain's grant project").isEqualTo(1);
            String evaluations = grade.innerText();

            assertThat(String.join("\n", disclosure, resolutions, grantsPage, evaluations))
                    .as("F8 no login or display names").doesNotContain("chain-", "Chain ")
                    .as("F8 no household codes").doesNotContainPattern("\\bH00\\d\\d\\b");
        }
    }

    /** One community's run of the chain; each step a method, in the order of issue 16. */
    final class Chain {
        final String community;
        final String batch;
        String project;
        String round;
        String council;
        String proposal;
        String meeting;
        String motion;
        String call;
        String application;
        String grantProject;
        long firstTrancheFen;
        long secondTrancheFen;
        String midTerm;
        final List<String> publicBodies = new ArrayList<>();

        Chain(String community, String batch) {
            this.community = community;
            this.batch = batch;
        }

        String grantTitle() {
            return name(community) + "邻里花园：院落微更新与自组织培育";
        }

        /** The registry's CommunitySnapshot and household events, through the broker, reach finance, deliberation and grants. */
        void registryEventsReachTheServices() {
            ServiceApi.eventually(() -> finance.publicFinance(community), 200, EVENTS);
            ServiceApi.eventually(() -> deliberation.councils(STAFF, community), 200, EVENTS);
        }

        /** F3: 1,200 registered households at the year's urban rate per 100 households; F4: a main-urban district pays it all. */
        void financeAllocatesTheYear() {
            long per100 = finance.policy(YEAR).then().statusCode(200).extract().jsonPath().getLong("urbanPer100HouseholdsFen");
            Response disclosed = ServiceApi.eventually(() -> {
                finance.allocationRun(YEAR).then().statusCode(200);
                return finance.publicFinance(community);
            }, r -> r.statusCode() == 200 && !r.jsonPath().getList("allocations").isEmpty(), EVENTS);
            Map<String, Object> allocation = disclosed.jsonPath().getMap("allocations.find { it.fundYear == " + YEAR + " }");
            assertThat(allocation).as("F3 the year's allocation").isNotNull();
            assertThat(((Number) allocation.get("registeredHouseholds")).intValue()).isEqualTo(HOUSEHOLDS);
            long total = ((Number) allocation.get("totalFen")).longValue();
            assertThat(total).as("F3 %d households × %d fen per 100", HOUSEHOLDS, per100).isEqualTo(HOUSEHOLDS / 100 * per100);
            assertThat(((Number) allocation.get("cityShareFen")).longValue() + ((Number) allocation.get("districtShareFen")).longValue())
                    .as("F4 the shares add up").isEqualTo(total);
        }

        /**
         * F7: a project and a round; households H0001-H0007 vote online with their residents' tokens, H0008 online too
         * ({@code portalVote} casts it through the portal's ballot page when given, else resident 8's token), H0009-H0010
         * on paper; a paper entry for a household that voted online is refused; closed with ten ballots; steps 2-3.
         */
        void householdsVoteOnlineAndOnPaper(Consumer<Chain> portalVote) {
            project = finance.propose(STAFF, community, YEAR, "院落路灯与步道修缮" + batch, "更换院落路灯 12 盏，修补步道 80 米",
                    3_000_000, 200_000).then().statusCode(201).extract().path("id");
            round = finance.openRound(STAFF, community, YEAR + " 年公共服务资金项目 一户一票", List.of(project))
                    .then().statusCode(201).extract().path("id");
            for (int n = 1; n <= 7; n++) {
                String voter = resident(n);
                // the household list arrives from the registry's events: 422 until it has
                ServiceApi.eventually(() -> finance.ballot(voter, community, round, List.of(project)), 201, EVENTS);
            }
            if (portalVote == null) {
                finance.ballot(resident(8), community, round, List.of(project)).then().statusCode(201);
            } else {
                portalVote.accept(this);
            }
            finance.paperBallot(STAFF, community, round, household(9), "S-" + YEAR + "-001", List.of(project)).then().statusCode(201);
            finance.paperBallot(STAFF, community, round, household(10), "S-" + YEAR + "-002", List.of()).then().statusCode(201);
            finance.paperBallot(STAFF, community, round, household(1), "S-" + YEAR + "-003", List.of(project))
                    .then().statusCode(409); // F7: H0001 voted online already
            finance.ballot(resident(2), community, round, List.of()).then().statusCode(409); // F7: once per household
            JsonPath closed = finance.closeRound(STAFF, community, round).then().statusCode(200).extract().jsonPath();
            assertThat(closed.getInt("ballots")).isEqualTo(10);
            assertThat(closed.getInt("onlineBallots")).isEqualTo(8);
            assertThat(closed.getInt("paperBallots")).isEqualTo(2);
            finance.advance(STAFF, project, 2, null).then().statusCode(200);
            finance.advance(STAFF, project, 3, "院落自组织梳理讨论，形成实施方案").then().statusCode(200);
            Response early = finance.advance(STAFF, project, 4, null);
            assertThat(early.statusCode()).isEqualTo(422);
            assertThat(early.jsonPath().getString("type")).isEqualTo("urn:yingzao:problem:rule:F6"); // no resolution yet
        }

        /** D1-D3: five resident-group councils of five, then the 25-member community council chosen from them. */
        void councilIsConstituted() {
            for (int g = 0; g < GROUPS.size(); g++) {
                int first = 5 * g + 1;
                deliberation.constitutedCouncil(STAFF, community, "GROUP", GROUPS.get(g), "第" + (g + 1) + "居民小组议事会",
                        IntStream.range(first, first + 5).mapToObj(HouseholdVoteToDisclosureIT::member).toList());
            }
            council = deliberation.constitutedCouncil(STAFF, community, "COMMUNITY", null, name(community) + "协商议事会",
                    IntStream.rangeClosed(1, 25).mapToObj(HouseholdVoteToDisclosureIT::member).toList());
        }

        /** D4: a resident's proposal on the fund project, co-signed by nine more; D5: only the party organisation approves. */
        void tenResidentsProposeAndThePartyOrganisationApproves() {
            proposal = deliberation.propose(resident(1), council, "同意公共资金项目：院落路灯与步道修缮",
                    "院落路灯损坏、步道破损，夜间出行不便，居民联名提请议事会协商。", "FUND_PROJECT", project)
                    .then().statusCode(201).extract().path("id");
            for (int n = 2; n <= 10; n++) {
                deliberation.sign(resident(n), proposal).then().statusCode(201);
            }
            deliberation.review(resident(1), proposal, "APPROVE").then().statusCode(403); // D5: not a resident's call
            deliberation.review(PARTY, proposal, "APPROVE").then().statusCode(200);
        }

        /** D6: 19 of 25 present cannot open the item, the 20th makes the quorum; D13: a motion, a debate on alternating sides. */
        void councilMeetsWithQuorum() {
            Response scheduled = deliberation.meeting(STAFF, council, "社区议事会例会", STAFF, List.of(proposal));
            scheduled.then().statusCode(201);
            meeting = scheduled.path("id");
            String item = scheduled.path("items[0].id");
            for (int n = 1; n <= 19; n++) {
                deliberation.attend(member(n), meeting).then().statusCode(200);
            }
            Response short1 = deliberation.openItem(STAFF, meeting, item);
            assertThat(short1.statusCode()).isEqualTo(422);
            assertThat(short1.jsonPath().getString("type")).isEqualTo("urn:yingzao:problem:rule:D6");
            deliberation.attend(member(20), meeting).then().statusCode(200);
            deliberation.openItem(STAFF, meeting, item).then().statusCode(200);
            motion = deliberation.move(member(1), meeting, "同意实施院落路灯与步道修缮，由居委会组织实施").then().statusCode(201).extract().path("id");
            deliberation.askFloor(member(2), meeting, "FOR").then().statusCode(200);
            deliberation.askFloor(member(3), meeting, "AGAINST").then().statusCode(200);
            for (int turn = 0; turn < 2; turn++) {
                deliberation.floor(STAFF, meeting, "next").then().statusCode(200);
                deliberation.floor(STAFF, meeting, "end").then().statusCode(200);
            }
        }

        /**
         * D8: every present member's device takes one blind-signed credential (RFC 9474), a second one is refused;
         * ballots are cast without a token after issuance closed; 18 yes, 1 no, 1 abstain; every receipt is in the
         * published box. D9: with a publicity of 0 days (restored to 7 afterwards) the due resolution is adopted.
         */
        void secretBallotPassesAndPublicityEndsInAdoption() {
            deliberation.publicityDays(0, "system test: no week to wait").then().statusCode(200);
            try {
                Response box = deliberation.putToVote(STAFF, motion);
                box.then().statusCode(200);
                String key = box.path("publicKeySpki");
                List<BlindBallotVoter> voters = new ArrayList<>();
                for (int n = 1; n <= 20; n++) {
                    BlindBallotVoter voter = BlindBallotVoter.forBox(key);
                    String blindSig = deliberation.credential(member(n), motion, voter.blindedMsg())
                            .then().statusCode(200).extract().path("blindSig");
                    voter.finalizeBlindSig(blindSig);
                    voters.add(voter);
                }
                deliberation.credential(member(1), motion, BlindBallotVoter.forBox(key).blindedMsg()).then().statusCode(409);
                deliberation.closeIssuance(STAFF, motion).then().statusCode(200);
                Set<String> receipts = new HashSet<>();
                for (int n = 1; n <= 20; n++) {
                    String choice = n <= 18 ? "YES" : n == 19 ? "NO" : "ABSTAIN";
                    Response cast = deliberation.cast(voters.get(n - 1).ballot(motion, choice));
                    cast.then().statusCode(201);
                    receipts.add(BlindBallotVoter.receiptOf(cast.path("ballotId")));
                }
                JsonPath tally = deliberation.closeVote(STAFF, motion).then().statusCode(200).extract().jsonPath();
                assertThat(tally.getString("status")).isEqualTo("PASSED");
                assertThat(List.of(tally.getInt("yes"), tally.getInt("no"), tally.getInt("abstain"))).containsExactly(18, 1, 1);
                List<String> published = deliberation.ballotBox(member(7), motion).then().statusCode(200).extract().path("receipts");
                assertThat(published).as("D8 every voter finds their receipt").containsAll(receipts).hasSize(20);
                deliberation.adoptDue().then().statusCode(200);
            } finally {
                deliberation.publicityDays(7, "system test: restore the 7-day publicity");
            }
            Response resolutions = deliberation.publicResolutions(community);
            resolutions.then().statusCode(200);
            assertThat(resolutions.jsonPath().getString("find { it.subjectRef == '" + project + "' }.status")).isEqualTo("ADOPTED");
        }

        /**
         * F6: finance consumed the adopted resolution: step 4 opens; the hearing, then 5; 6 implementation, where two
         * payments go out (F1/F8: to the registered organisation and to a supplier, each against a voucher); the staff
         * cannot give the supervision note (D10), the supervisory board gives the notes of 7 and 8; 9 archives it, after
         * which nothing is paid.
         */
        void fundProjectGoesThroughStepsFourToNineWithPayments() {
            ServiceApi.eventually(() -> finance.advance(STAFF, project, 4, "议事会决议公示期满，交居委会执行"), 200, EVENTS);
            finance.hearing(STAFF, project, "受影响居民 16 户参加听证，同意夜间不施工", 16).then().statusCode(200);
            finance.advance(STAFF, project, 5, null).then().statusCode(200);
            finance.pay(STAFF, project, 100_000, ORG, null, "EARLY-" + batch + "-001", "提前付款").then().statusCode(422); // F6: only at 6
            finance.advance(STAFF, project, 6, "居委会组织实施").then().statusCode(200);
            ok(finance.pay(STAFF, project, 1_200_000, ORG, null, "FP" + YEAR + "-" + batch + "-001", "院落议事与施工组织"));
            ok(finance.pay(STAFF, project, 800_000, null, "成都锦江明亮照明工程有限公司", "INV" + YEAR + "-" + batch + "-0815", "路灯 12 盏"));
            Response staffNote = finance.advance(STAFF, project, 7, "居委会自查");
            assertThat(staffNote.statusCode()).isEqualTo(422);
            assertThat(staffNote.jsonPath().getString("type")).isEqualTo("urn:yingzao:problem:rule:D10");
            finance.advance(BOARD, project, 7, "监督小组现场查看路灯安装与步道修补，票据齐全").then().statusCode(200);
            finance.advance(BOARD, project, 8, "居民评议：满意 42 户，基本满意 5 户").then().statusCode(200);
            finance.advance(STAFF, project, 9, "档案归集：决议、听证、票据、验收").then().statusCode(200);
            assertThat(finance.pay(STAFF, project, 1_000, ORG, null, "LATE-" + batch + "-001", "归档后").statusCode())
                    .as("F6 an archived project takes no payment").isEqualTo(409);
        }

        /**
         * G1-G3: a call of the year's programme; the agency applies for this community (submission retried while the
         * organisation travels from the registry); review opens; the reviewer who holds a claim for the community is a
         * hard conflict: listed, refused by hand (422 G3), never shown the application; the other reviews, is ranked, awarded.
         */
        void grantAwardedAfterReviewWithAConflictExcluded() {
            grants.programme(YEAR);
            grants.joinPool(REVIEWER, "reviewer", "评审专家甲").then().statusCode(200);
            grants.joinPool(LOCAL_REVIEWER, "reviewer", "评审专家乙").then().statusCode(200);
            call = grants.openCall(YEAR, YEAR + " 社区营造示范项目（链测 " + batch + "）", 100_000_000L).then().statusCode(201).extract().path("id");
            application = grants.draft(AGENCY, call, community, grantTitle(), 10_000_000L)
                    .then().statusCode(201).extract().path("id");
            ServiceApi.eventually(() -> grants.submit(AGENCY, application), 200, EVENTS);
            grants.toReview(call).then().statusCode(200);
            String conflicts = grants.conflicts(call).then().statusCode(200).extract().asString();
            assertThat(conflicts).as("G3 the hard conflict is listed").contains(LOCAL_REVIEWER).contains(application);
            Response refused = grants.assign(application, LOCAL_REVIEWER, "系统测试：尝试指派有利益冲突的评审");
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.jsonPath().getString("type")).isEqualTo("urn:yingzao:problem:rule:G3");
            ok(grants.assign(application, REVIEWER, "系统测试：指派无冲突的评审"));
            ok(grants.autoAssign(call));
            assertThat(grants.myAssignments(LOCAL_REVIEWER).then().statusCode(200).extract().asString())
                    .as("G3 the conflicted reviewer is never assigned").doesNotContain(application);
            assertThat(grants.application(LOCAL_REVIEWER, application).statusCode()).as("G3 nor shown it").isIn(403, 404);
            ok(grants.review(REVIEWER, application, Map.of("need", 9, "design", 8, "team", 8, "fit", 9)));
            JsonPath ranking = grants.ranking(call).then().statusCode(200).extract().jsonPath();
            assertThat(ranking.getBoolean("lines.find { it.applicationId == '" + application + "' }.proposed")).isTrue();
            ok(grants.award(call, List.of(application)));
        }

        /** G4: the agreement starts the project and releases tranche 1 (40%); G5: the 1+1+1+1 team with a certified supervisor. */
        void agreementReleasesTheFirstTrancheAndTheTeamIsSeated() {
            grantProject = grants.projects(ORG).then().statusCode(200).extract()
                    .path("find { it.applicationId == '" + application + "' }.id");
            assertThat(grantProject).isNotNull();
            LocalDate today = LocalDate.now();
            ok(grants.agreement(grantProject, today, today.plusDays(300)));
            String expert = "chain-expert-" + batch.toLowerCase(java.util.Locale.ROOT);
            String socialWorker = "chain-social-worker-" + batch.toLowerCase(java.util.Locale.ROOT);
            ok(grants.addToPool("expert", expert, "四川大学 专家", "SCU"));
            ok(grants.addToPool("social-worker", socialWorker, "专业社工", "ORG-SW-02"));
            ok(grants.seat(grantProject, "PROJECT_LEAD", AGENCY));
            ok(grants.seat(grantProject, "UNIVERSITY_EXPERT", expert));
            ok(grants.seat(grantProject, "SOCIAL_WORKER", socialWorker));
            // G5: needs the SUPERVISOR certificate, which travels from training over the broker
            ServiceApi.eventually(() -> grants.seat(grantProject, "SENIOR_SUPERVISOR", SUPERVISOR), 200, EVENTS);
            JsonPath view = grants.project("city-operator", grantProject).then().statusCode(200).extract().jsonPath();
            assertThat(view.getList("missingSeats")).isEmpty();
            firstTrancheFen = view.getLong("tranches.find { it.number == 1 }.amountFen");
            secondTrancheFen = view.getLong("tranches.find { it.number == 2 }.amountFen");
            assertThat(firstTrancheFen).isEqualTo(10_000_000L * view.getInt("tranches.find { it.number == 1 }.percent") / 100);
            assertThat(view.getLong("releasedFen")).as("G4 tranche 1 on the agreement").isEqualTo(firstTrancheFen);
        }

        /** G5: the senior supervisor logs an on-site visit. */
        void supervisionIsLogged() {
            ok(grants.log(SUPERVISOR, grantProject, "ON_SITE", "现场督导：院落议事会筹备，查看居民骨干名册"));
            assertThat(grants.logs(AGENCY, grantProject).then().statusCode(200).extract().jsonPath().getList("$")).hasSize(1);
        }

        /**
         * E2: the two certified evaluators are assigned (retried while their certificates travel from training); E5:
         * each submits a whole sheet; E6: they differ by two levels on indicator 1.1, so release waits for a moderation
         * note (422 E6), the supervisor writes it, the operator releases; E5: the organisation appeals and the operator
         * dismisses it, which makes the result final (EvaluationCompleted).
         */
        void midTermEvaluationScoredModeratedAndReleased() {
            Response found = ServiceApi.eventually(() -> evaluation.evaluations(ORG),
                    r -> r.statusCode() == 200 && r.jsonPath().getString(midTermOf(grantProject)) != null, EVENTS);
            midTerm = found.jsonPath().getString(midTermOf(grantProject));
            for (String evaluator : List.of(EVALUATOR_1, EVALUATOR_2)) {
                ServiceApi.eventually(() -> evaluation.assign(midTerm, evaluator, "系统测试：按专长指派"), 200, EVENTS);
            }
            evaluation.submit(EVALUATOR_1, midTerm, 3, Set.of(), 3, "院落自组织成长明显；财务公开可更及时。").then().statusCode(201);
            evaluation.submit(EVALUATOR_2, midTerm, 3, Set.of("1.1"), 1, "居民参与广泛，建议加强档案整理。").then().statusCode(201);
            Response unmoderated = evaluation.release("city-operator", midTerm);
            assertThat(unmoderated.statusCode()).as(unmoderated.asString()).isEqualTo(422);
            assertThat(unmoderated.jsonPath().getString("type")).isEqualTo("urn:yingzao:problem:rule:E6");
            ok(evaluation.moderate(SUPERVISOR, midTerm, "1.1 两位评估员相差两级：核对档案后维持各自判断"));
            ok(evaluation.release("city-operator", midTerm));
            JsonPath results = evaluation.results(AGENCY, midTerm).then().statusCode(200).extract().jsonPath();
            assertThat(results.getString("aggregate.grade")).isIn("EXCELLENT", "GOOD", "PASS");
            ok(evaluation.appeal(AGENCY, midTerm, "系统测试：申诉以结束申诉期"));
            ok(evaluation.decideAppeal(midTerm, false, "评估依据充分，驳回申诉"));
        }

        /** G4: the passed mid-term EvaluationCompleted reaches grants, which releases tranche 2 by itself. */
        void secondTrancheReleasedAutomatically() {
            ServiceApi.eventually(() -> grants.project("city-operator", grantProject),
                    r -> r.statusCode() == 200 && r.jsonPath().getLong("releasedFen") == firstTrancheFen + secondTrancheFen, EVENTS);
            Response awards = grants.publicAwards(community);
            awards.then().statusCode(200);
            List<Map<String, Object>> releases = awards.jsonPath().getList("lines.find { it.projectId == '" + grantProject + "' }.releases");
            assertThat(releases).extracting(r -> r.get("trancheNumber")).containsExactlyInAnyOrder(1, 2);
            assertThat(releases.stream().filter(r -> Integer.valueOf(2).equals(r.get("trancheNumber"))).findFirst().orElseThrow()
                    .get("releasedBy")).isEqualTo("AUTOMATIC");
        }

        /** F8: everything above, read anonymously from the public endpoints; the ledger recomputed here and verified by the auditor. */
        void publicDisclosureShowsEveryStepWithoutPersonalData() {
            Response financeView = finance.publicFinance(community);
            financeView.then().statusCode(200);
            keep(financeView);
            JsonPath f = financeView.jsonPath();
            assertThat(f.getLong("allocations.find { it.fundYear == " + YEAR + " }.totalFen")).isPositive();
            Response projects = finance.publicProjects(community);
            keep(projects);
            assertThat(projects.jsonPath().getInt("find { it.id == '" + project + "' }.step")).isEqualTo(9);
            assertThat(projects.jsonPath().getLong("find { it.id == '" + project + "' }.paidFen")).isEqualTo(2_000_000L);

            Response ledger = finance.publicLedger(community);
            ledger.then().statusCode(200);
            keep(ledger);
            List<Map<String, Object>> entries = ledger.jsonPath().getList("$");
            assertThat(entries).extracting(e -> e.get("kind")).contains("ALLOCATION", "PROJECT_PAYMENT");
            assertThat(entries).extracting(e -> e.get("payee")).contains(ORG_NAME + " (" + ORG + ")", "成都锦江明亮照明工程有限公司");
            assertThat(recomputedChainProblem(community, entries)).as("F8 the published chain recomputes").isNull();
            JsonPath verified = finance.verifyLedger("auditor", community).then().statusCode(200).extract().jsonPath();
            assertThat(verified.getBoolean("intact")).as("F8 the auditor's verification").isTrue();

            Response resolutions = deliberation.publicResolutions(community);
            keep(resolutions);
            assertThat(resolutions.jsonPath().getString("find { it.subjectRef == '" + project + "' }.status")).isEqualTo("ADOPTED");

            Response awards = grants.publicAwards(community);
            keep(awards);
            JsonPath a = awards.jsonPath();
            String line = "lines.find { it.projectId == '" + grantProject + "' }";
            assertThat(a.getString(line + ".organisationName")).isEqualTo(ORG_NAME);
            assertThat(a.getLong(line + ".awardedFen")).isEqualTo(10_000_000L);
            assertThat(a.getLong(line + ".releasedFen")).isEqualTo(firstTrancheFen + secondTrancheFen);
            Response programmeLedger = grants.publicProgrammeLedger(YEAR);
            programmeLedger.then().statusCode(200);
            assertThat(programmeLedger.asString()).contains(grantProject);

            Response grades = evaluation.publicGrades(grantProject);
            grades.then().statusCode(200);
            keep(grades);
            assertThat(grades.jsonPath().getString("find { it.kind == 'MID_TERM' }.grade")).isIn("EXCELLENT", "GOOD", "PASS");

            String all = String.join("\n", publicBodies);
            assertThat(all).as("F8 no login names").doesNotContain("chain-", "city-operator")
                    .as("F8 no display names").doesNotContain("Chain ")
                    .as("F8 no household codes").doesNotContainPattern("\\bH00\\d\\d\\b")
                    .as("F8 no mobile numbers or resident ID numbers").doesNotContainPattern("(?<!\\d)1[3-9]\\d{9}(?!\\d)")
                    .doesNotContainPattern("(?<!\\d)\\d{17}[\\dXx](?!\\d)");
        }

        private void keep(Response r) {
            publicBodies.add(r.asString());
        }
    }

    /** T3: courses, attendance, scores and assessments certify both evaluators and the supervisor (once per run). */
    static synchronized void evaluatorsAndSupervisorCertifiedByTraining() {
        if (certified) {
            return;
        }
        LocalDate day = LocalDate.now().minusDays(20);
        for (Response closed : List.of(
                training.completedCohort("CB-GENERAL", "社区营造通识课 系统测试班", List.of(EVALUATOR_1, EVALUATOR_2, SUPERVISOR), 90, day),
                training.completedCohort("PE-EVALUATOR", "参与式评估师课程 系统测试班", List.of(EVALUATOR_1, EVALUATOR_2), 86, day.plusDays(3)),
                training.completedCohort("SUPERVISOR", "项目督导课程 系统测试班", List.of(SUPERVISOR), 84, day.plusDays(5)))) {
            assertThat(closed.jsonPath().getList("complete", Boolean.class)).as("T3 everyone completed").containsOnly(true);
        }
        Response notYet = training.assess("SUPERVISOR", EVALUATOR_1, 90);
        ok(notYet);
        assertThat(notYet.jsonPath().getBoolean("certified")).as("T3 no supervisor course, no certificate").isFalse();
        for (String evaluator : List.of(EVALUATOR_1, EVALUATOR_2)) {
            assertThat(training.assess("PARTICIPATORY_EVALUATOR", evaluator, 88).then().statusCode(201).extract().jsonPath()
                    .getBoolean("certified")).as("T3 %s certified", evaluator).isTrue();
        }
        assertThat(training.assess("SUPERVISOR", SUPERVISOR, 82).then().statusCode(201).extract().jsonPath().getBoolean("certified"))
                .as("T3 the supervisor certified").isTrue();
        certified = true;
    }

    /**
     * The check the portal's disclosure page makes, made here from nothing but the anonymous JSON: per account,
     * sequences 1, 2, 3 …, each entry naming the hash before it, each hash the SHA-256 of the previous hash, a newline
     * and the entry's canonical form ({@code <length>:<value>;} of id, account, community, fund year, sequence, kind,
     * reference, memo, posted-at, then account, debit and credit of each line). The first problem, or null.
     */
    static String recomputedChainProblem(String community, List<Map<String, Object>> entries) {
        Map<String, List<Map<String, Object>>> byAccount = new TreeMap<>();
        entries.forEach(e -> byAccount.computeIfAbsent(String.valueOf(e.get("account")), k -> new ArrayList<>()).add(e));
        for (var account : byAccount.entrySet()) {
            List<Map<String, Object>> chain = account.getValue();
            chain.sort(java.util.Comparator.comparingLong(e -> ((Number) e.get("sequence")).longValue()));
            String previous = null;
            long expected = 1;
            for (Map<String, Object> e : chain) {
                long sequence = ((Number) e.get("sequence")).longValue();
                if (sequence != expected) {
                    return account.getKey() + ": entry " + expected + " missing";
                }
                Object named = e.get("previousHash");
                if (!(previous == null ? named == null || String.valueOf(named).isEmpty() : previous.equals(named))) {
                    return account.getKey() + ": entry " + sequence + " does not name the hash before it";
                }
                StringBuilder s = new StringBuilder();
                for (Object v : List.of(e.get("id"), e.get("account"), community, e.get("fundYear"), e.get("sequence"), e.get("kind"),
                        nullToEmpty(e.get("reference")), nullToEmpty(e.get("memo")),
                        e.get("postedAt") == null ? "" : Instant.parse(String.valueOf(e.get("postedAt"))).toString())) {
                    field(s, String.valueOf(v));
                }
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> lines = (List<Map<String, Object>>) e.get("lines");
                for (Map<String, Object> l : lines == null ? List.<Map<String, Object>>of() : lines) {
                    field(s, String.valueOf(l.get("account")));
                    field(s, String.valueOf(l.get("debitFen")));
                    field(s, String.valueOf(l.get("creditFen")));
                }
                String hash = sha256((previous == null ? "" : previous) + "\n" + s);
                if (!hash.equalsIgnoreCase(String.valueOf(e.get("hash")))) {
                    return account.getKey() + ": entry " + sequence + " does not match its hash";
                }
                previous = String.valueOf(e.get("hash"));
                expected++;
            }
        }
        return null;
    }

    private static Object nullToEmpty(Object v) {
        return v == null ? "" : v;
    }

    private static void field(StringBuilder s, String v) {
        s.append(v.length()).append(':').append(v).append(';');
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String midTermOf(String grantProject) {
        return "find { it.kind == 'MID_TERM' && it.projectId == '" + grantProject + "' && it.status != 'CANCELLED' }.id";
    }

    /** A 2xx answer (some writes answer 200, some 201), else the failure shows the problem. */
    static Response ok(Response r) {
        assertThat(r.statusCode()).as("%s", r.asString()).isBetween(200, 299);
        return r;
    }

    static String name(String community) {
        return community.equals(API_COMMUNITY) ? "营造链社区" : "营造链二社区";
    }

    static String member(int n) {
        return "chain-member-" + n;
    }

    static String resident(int n) {
        return "chain-resident-" + n;
    }

    static String household(int n) {
        return String.format("H%04d", n);
    }
}
