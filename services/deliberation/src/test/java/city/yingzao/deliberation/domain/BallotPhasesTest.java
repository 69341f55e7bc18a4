package city.yingzao.deliberation.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("D8 ballot box phases and the sealed private key")
class BallotPhasesTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static String key() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    @DisplayName("D8 issuing, then casting, then closed: credentials only while issuing, ballots only while casting, never back")
    void phases() {
        assertThat(BallotBoxState.ISSUING.mayIssue()).isEmpty();
        assertThat(BallotBoxState.ISSUING.mayCast()).hasValueSatisfying(r -> assertThat(r.rule()).isEqualTo("D8"));
        assertThat(BallotBoxState.ISSUING.mayClose()).isPresent();
        assertThat(BallotBoxState.ISSUING.closeIssuance()).isEqualTo(BallotBoxState.CASTING);
        assertThat(BallotBoxState.CASTING.mayIssue()).isPresent();
        assertThat(BallotBoxState.CASTING.mayCast()).isEmpty();
        assertThat(BallotBoxState.CASTING.mayCloseIssuance()).isPresent();
        assertThat(BallotBoxState.CASTING.close()).isEqualTo(BallotBoxState.CLOSED);
        assertThat(BallotBoxState.CLOSED.mayCast()).isPresent();
        assertThat(BallotBoxState.CLOSED.mayIssue()).isPresent();
        assertThatThrownBy(BallotBoxState.CLOSED::close).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(BallotBoxState.CASTING::closeIssuance).isInstanceOf(IllegalStateException.class);
        assertThat(BallotBoxState.withinIssued(2, 3)).isEmpty();
        assertThat(BallotBoxState.withinIssued(3, 3)).hasValueSatisfying(r -> assertThat(r.rule()).isEqualTo("D8"));
    }

    @Test
    @DisplayName("D8 a sealed key opens with the same service key on any replica, never with another key, for another box, or altered")
    void sealedKey() {
        String serviceKey = key();
        UUID motion = UUID.randomUUID();
        BigInteger d = BallotKey.generate(RANDOM).privateExponent().orElseThrow();
        byte[] sealed = BallotKeySeal.fromBase64(serviceKey, RANDOM).seal(motion, d);
        assertThat(new BigInteger(1, sealed)).isNotEqualTo(d);
        // another replica: another instance built from the same configuration
        assertThat(BallotKeySeal.fromBase64(serviceKey, RANDOM).open(motion, sealed)).isEqualTo(d);
        assertThatThrownBy(() -> BallotKeySeal.fromBase64(key(), RANDOM).open(motion, sealed)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> BallotKeySeal.fromBase64(serviceKey, RANDOM).open(UUID.randomUUID(), sealed))
                .isInstanceOf(IllegalStateException.class);
        byte[] altered = sealed.clone();
        altered[20] ^= 1;
        assertThatThrownBy(() -> BallotKeySeal.fromBase64(serviceKey, RANDOM).open(motion, altered)).isInstanceOf(IllegalStateException.class);
        // two seals of one key differ (fresh nonce)
        assertThat(BallotKeySeal.fromBase64(serviceKey, RANDOM).seal(motion, d)).isNotEqualTo(sealed);
        assertThatThrownBy(() -> BallotKeySeal.fromBase64("c2hvcnQ=", RANDOM)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> BallotKeySeal.fromBase64("not base64!", RANDOM)).isInstanceOf(IllegalArgumentException.class);
    }
}
