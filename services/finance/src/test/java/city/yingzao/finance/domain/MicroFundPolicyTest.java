package city.yingzao.finance.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MicroFundPolicyTest {

    static final String FUND = Accounts.microFund("510104021001", 2026);

    @Test
    @DisplayName("F9 passing: donations are positive; grants go to an organisation and never exceed the micro-fund")
    void donationsAndGrants() {
        assertThat(MicroFundPolicy.checkDonation(Money.yuan(500))).isEmpty();
        assertThat(MicroFundPolicy.checkDonation(Money.fen(-1))).hasValueSatisfying(r -> assertThat(r.rule()).isEqualTo("F9"));
        assertThat(MicroFundPolicy.checkGrant("ORG1", Money.yuan(500), FUND, Money.yuan(500))).isEmpty();
        assertThat(MicroFundPolicy.checkGrant("ORG1", Money.yuan(501), FUND, Money.yuan(500)))
                .hasValueSatisfying(r -> assertThat(r.rule()).isEqualTo("F1"));
        assertThat(MicroFundPolicy.checkGrant(" ", Money.yuan(1), FUND, Money.yuan(500))).isPresent();
        assertThat(MicroFundPolicy.checkGrant("ORG1", Money.ZERO, FUND, Money.yuan(500))).isPresent();
    }

    @Test
    @DisplayName("F9 passing: the public memo names the donor's type and the purpose, never the donor")
    void anonymousMemo() {
        assertThat(MicroFundPolicy.publicMemo(DonorType.RESIDENT, "老年食堂")).isEqualTo("resident donation: 老年食堂");
        assertThat(MicroFundPolicy.publicMemo(DonorType.SOCIAL_ENTERPRISE, "助学")).startsWith("social enterprise profit");
    }
}
