package city.yingzao.deliberation.domain;

import city.yingzao.kernel.rules.Rejection;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Agenda rights, party review, separation of roles (D4, D5, D10)")
class ProposalRulesTest {

    @Test
    @DisplayName("D4 the party organisation and the committee file through community staff, a member in their council, residents jointly")
    void agendaRights() {
        var staff = new AgendaRightPolicy.Filer("staff", true, false, false);
        var member = new AgendaRightPolicy.Filer("m", false, true, true);
        var resident = new AgendaRightPolicy.Filer("r", false, false, true);
        assertThat(AgendaRightPolicy.check(staff, ProposerKind.PARTY_ORGANISATION)).isEmpty();
        assertThat(AgendaRightPolicy.check(staff, ProposerKind.COMMITTEE)).isEmpty();
        assertThat(AgendaRightPolicy.check(member, ProposerKind.COUNCIL_MEMBER)).isEmpty();
        assertThat(AgendaRightPolicy.check(resident, ProposerKind.RESIDENTS)).isEmpty();
        assertThat(AgendaRightPolicy.check(resident, ProposerKind.PARTY_ORGANISATION)).get().extracting(Rejection::rule).isEqualTo("D4");
        assertThat(AgendaRightPolicy.check(resident, ProposerKind.COUNCIL_MEMBER)).isPresent();
        assertThat(AgendaRightPolicy.kindOf(Optional.empty(), true)).isEqualTo(ProposerKind.COUNCIL_MEMBER);
        assertThat(AgendaRightPolicy.kindOf(Optional.empty(), false)).isEqualTo(ProposerKind.RESIDENTS);
    }

    @Test
    @DisplayName("D4 at least 10 co-signers, each a resident with a household registered in the community")
    void coSigners() {
        assertThat(CoSignaturePolicy.enough(9, 10)).isFalse();
        assertThat(CoSignaturePolicy.enough(10, 10)).isTrue();
        assertThat(CoSignaturePolicy.mayCoSign("r", "C1", true, Optional.of("H1"), true)).isEmpty();
        assertThat(CoSignaturePolicy.mayCoSign("r", "C1", false, Optional.of("H1"), true)).get().extracting(Rejection::rule).isEqualTo("D4");
        assertThat(CoSignaturePolicy.mayCoSign("r", "C1", true, Optional.empty(), false)).isPresent();
        assertThat(CoSignaturePolicy.mayCoSign("r", "C1", true, Optional.of("H9"), false)).isPresent();
    }

    @Test
    @DisplayName("D5 only a proposal awaiting review is reviewed, a rejection carries a reason, only approved proposals are scheduled")
    void partyReview() {
        assertThat(PartyReviewPolicy.check(ProposalStatus.AWAITING_REVIEW, true, null)).isEmpty();
        assertThat(PartyReviewPolicy.check(ProposalStatus.AWAITING_REVIEW, false, " ")).get().extracting(Rejection::rule).isEqualTo("D5");
        assertThat(PartyReviewPolicy.check(ProposalStatus.AWAITING_REVIEW, false, "不属于议事范围")).isEmpty();
        assertThat(PartyReviewPolicy.check(ProposalStatus.APPROVED, true, null)).isPresent();
        assertThat(PartyReviewPolicy.mayBeScheduled("p", ProposalStatus.APPROVED)).isEmpty();
        assertThat(PartyReviewPolicy.mayBeScheduled("p", ProposalStatus.REJECTED)).get().extracting(Rejection::rule).isEqualTo("D5");
    }

    @Test
    @DisplayName("D10 nobody reviews what they filed or signed, and a proposer does not chair the meeting that debates it")
    void separationOfRoles() {
        assertThat(SeparationOfRolesPolicy.reviewer("a", Set.of("a", "b"))).get().extracting(Rejection::rule).isEqualTo("D10");
        assertThat(SeparationOfRolesPolicy.reviewer("c", Set.of("a", "b"))).isEmpty();
        assertThat(SeparationOfRolesPolicy.chair("b", "停车", Set.of("a", "b"))).isPresent();
        assertThat(SeparationOfRolesPolicy.chair("z", "停车", Set.of("a", "b"))).isEmpty();
    }
}
