package city.yingzao.registry.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static city.yingzao.registry.domain.OrganisationType.COMMITTEE;
import static city.yingzao.registry.domain.OrganisationType.FOUNDATION;
import static city.yingzao.registry.domain.OrganisationType.PARTY_ORGANISATION;
import static city.yingzao.registry.domain.OrganisationType.SOCIAL_ORGANISATION;
import static city.yingzao.registry.domain.Territory.shuijingfang;
import static org.assertj.core.api.Assertions.assertThat;

class OrganisationPolicyTest {

    private static final String SHUIJINGFANG = shuijingfang().code();

    @Test
    @DisplayName("P4 a community's first party organisation is accepted")
    void firstPartyOrganisation() {
        assertThat(OrganisationPolicy.mayRegister(SHUIJINGFANG, PARTY_ORGANISATION, List.of(SOCIAL_ORGANISATION))).isEmpty();
    }

    @Test
    @DisplayName("P4 a second party organisation in one community is refused, saying there can be only one")
    void secondPartyOrganisationIsRefused() {
        assertThat(OrganisationPolicy.mayRegister(SHUIJINGFANG, PARTY_ORGANISATION, List.of(PARTY_ORGANISATION, COMMITTEE)))
                .hasValueSatisfying(r -> assertThat(r.message())
                        .isEqualTo("P4: community 510104021001 already has a party organisation 党组织; a community has at most one"));
    }

    @Test
    @DisplayName("P4 a second committee in one community is refused")
    void secondCommitteeIsRefused() {
        assertThat(OrganisationPolicy.mayRegister(SHUIJINGFANG, COMMITTEE, List.of(COMMITTEE)))
                .hasValueSatisfying(r -> assertThat(r.rule()).isEqualTo("P4"));
    }

    @Test
    @DisplayName("P4 social organisations, self-organisations, social enterprises and foundations may be many")
    void othersMayBeMany() {
        assertThat(OrganisationPolicy.mayRegister(SHUIJINGFANG, SOCIAL_ORGANISATION, List.of(SOCIAL_ORGANISATION, SOCIAL_ORGANISATION))).isEmpty();
        assertThat(OrganisationPolicy.mayRegister(SHUIJINGFANG, FOUNDATION, List.of(FOUNDATION))).isEmpty();
    }
}
