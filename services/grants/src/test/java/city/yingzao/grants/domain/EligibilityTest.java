package city.yingzao.grants.domain;

import city.yingzao.contracts.grants.GrantTarget;
import city.yingzao.kernel.rules.Rejection;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class EligibilityTest {

    static final LocalDate CLOSES = LocalDate.of(2026, 6, 30);
    static final CallRules CALL = new CallRules(GrantTarget.COMMUNITY, Set.of("510104"), Set.of(PivotCategory.PUBLIC_SPACE),
            Set.of("SOCIAL_ORGANISATION"), 12, 10_000_000, false, CLOSES);
    static final Organisation ORG = new Organisation("ORG-SW-01", "510104021001", "Hub", "SOCIAL_ORGANISATION",
            LocalDate.of(2020, 1, 1), true);
    static final Target TARGET = new Target(GrantTarget.COMMUNITY, "510104021001", "510104", true);
    static final Eligibility.Submission OK = new Eligibility.Submission("ORG-SW-01", PivotCategory.PUBLIC_SPACE, 5_000_000,
            List.of(new BudgetLine("staff", 3_000_000), new BudgetLine("materials", 2_000_000)));

    @Test
    @DisplayName("G2 passing: an eligible application has no failed condition")
    void eligible() {
        assertThat(Eligibility.check(CALL, OK, ORG, TARGET, 0, CLOSES)).isEmpty();
    }

    @Test
    @DisplayName("G2 failing: every failed condition is named, not only the first")
    void everyReason() {
        Organisation young = new Organisation("ORG-X", "510104021001", "New", "COMMITTEE", LocalDate.of(2026, 1, 1), true);
        Target outside = new Target(GrantTarget.COMMUNITY, "510106001001", "510106", true);
        Eligibility.Submission bad = new Eligibility.Submission("ORG-X", PivotCategory.SERVICE_NEEDS, 5_000_000,
                List.of(new BudgetLine("staff", 4_000_000)));
        List<String> reasons = Eligibility.check(CALL, bad, young, outside, 1, CLOSES).stream().map(Rejection::reason).toList();
        assertThat(reasons).hasSize(6).anySatisfy(r -> assertThat(r).contains("type COMMITTEE"))
                .anySatisfy(r -> assertThat(r).contains("12 months"))
                .anySatisfy(r -> assertThat(r).contains("outside the call's scope"))
                .anySatisfy(r -> assertThat(r).contains("pivot category"))
                .anySatisfy(r -> assertThat(r).contains("already has an application"))
                .anySatisfy(r -> assertThat(r).contains("add up to 4000000"));
        assertThat(Eligibility.check(CALL, OK, ORG, Target.unknown(GrantTarget.COMMUNITY, "999"), 0, CLOSES))
                .extracting(Rejection::reason).containsExactly("community 999 does not exist");
        assertThat(Eligibility.check(CALL, OK, null, TARGET, 0, CLOSES)).extracting(Rejection::reason)
                .containsExactly("organisation ORG-SW-01 is not in the registry");
    }

    @Test
    @DisplayName("G2 passing: registration age counts to the closing day; a second application only where the call allows")
    void boundaries() {
        Organisation exactly = new Organisation("ORG-SW-01", "c", "n", "SOCIAL_ORGANISATION", CLOSES.minusMonths(12), true);
        assertThat(Eligibility.check(CALL, OK, exactly, TARGET, 0, CLOSES)).isEmpty();
        Organisation oneDayShort = new Organisation("ORG-SW-01", "c", "n", "SOCIAL_ORGANISATION", CLOSES.minusMonths(12).plusDays(1), true);
        assertThat(Eligibility.check(CALL, OK, oneDayShort, TARGET, 0, CLOSES)).hasSize(1);
        CallRules many = new CallRules(GrantTarget.COMMUNITY, Set.of(), Set.of(), Set.of("SOCIAL_ORGANISATION"), 12, 10_000_000, true, CLOSES);
        assertThat(Eligibility.check(many, OK, ORG, TARGET, 3, CLOSES)).isEmpty();
    }

    @Test
    @DisplayName("G7 failing: a platform call for districts refuses a community target")
    void platformCall() {
        CallRules platform = new CallRules(GrantTarget.DISTRICT, Set.of(), Set.of(), Set.of("SOCIAL_ORGANISATION"), 12, 10_000_000, false, CLOSES);
        assertThat(Eligibility.check(platform, OK, ORG, new Target(GrantTarget.DISTRICT, "510104", "510104", true), 0, CLOSES)).isEmpty();
        assertThat(Eligibility.check(platform, OK, ORG, TARGET, 0, CLOSES)).extracting(Rejection::reason)
                .containsExactly("the call funds district targets, not a community");
    }

    @Test
    @DisplayName("G2 failing: budget lines must be positive and add up exactly")
    void budget() {
        assertThat(Eligibility.budgetAddsUp(List.of(new BudgetLine("a", 1), new BudgetLine("b", 2)), 3)).isEmpty();
        assertThat(Eligibility.budgetAddsUp(List.of(new BudgetLine("a", 1), new BudgetLine("b", 2)), 4)).isPresent();
        assertThat(Eligibility.budgetAddsUp(List.of(new BudgetLine("a", -1), new BudgetLine("b", 5)), 4)).isPresent();
        assertThat(Eligibility.budgetAddsUp(List.of(), 0)).isPresent();
    }
}
