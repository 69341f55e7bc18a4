package city.yingzao.deliberation.domain;

import city.yingzao.testing.BlindBallotVoter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Blind-signature ballots, tally, publicity, conventions, courtyards (D8, D9, D11, D12)")
class BallotAndPublicityTest {

    private static BallotKey key;

    @BeforeAll
    static void key() {
        key = BallotKey.generate(new SecureRandom());
    }

    @Test
    @DisplayName("D8 a blinded message signed by the box finalizes to a standard RSASSA-PSS signature the box verifies, without the box seeing the token")
    void blindSignatureRoundTrip() {
        BlindBallotVoter voter = BlindBallotVoter.forBox(key.publicKeySpki());
        byte[] blinded = Base64.getUrlDecoder().decode(voter.blindedMsg());
        assertThat(blinded).hasSize(256);
        assertThat(new String(blinded, StandardCharsets.ISO_8859_1)).doesNotContain(new String(voter.msg(), StandardCharsets.ISO_8859_1));
        voter.finalizeBlindSig(Base64.getUrlEncoder().withoutPadding().encodeToString(key.blindSign(blinded)));
        byte[] signature = Base64.getUrlDecoder().decode(voter.signature());
        assertThat(key.verifies(voter.preparedMsg(), signature)).isTrue();
        assertThat(BlindBallotVoter.verifies(key.publicKey(), voter.preparedMsg(), signature)).isTrue();
        assertThat(BallotKey.tokenHash(voter.preparedMsg())).isEqualTo(voter.tokenHash());
        assertThat(key.modulus().bitLength()).isEqualTo(2048);
    }

    @Test
    @DisplayName("D8 a signature on another message, a message of the wrong size, a textbook RSA signature or a closed box's key do not make a ballot")
    void forgeriesRefused() {
        BlindBallotVoter voter = BlindBallotVoter.forBox(key.publicKeySpki());
        voter.finalizeBlindSig(key.blindSign(Base64.getUrlDecoder().decode(voter.blindedMsg())));
        byte[] signature = Base64.getUrlDecoder().decode(voter.signature());
        byte[] other = voter.preparedMsg();
        other[BallotKey.PREFIX_BYTES] ^= 1;                                     // another token, same prefix
        assertThat(key.verifies(other, signature)).isFalse();
        byte[] otherPrefix = voter.preparedMsg();
        otherPrefix[0] ^= 1;                                                   // same token, another prefix
        assertThat(key.verifies(otherPrefix, signature)).isFalse();
        assertThat(key.verifies(voter.msg(), signature)).isFalse();
        assertThat(key.verifies(voter.preparedMsg(), java.util.Arrays.copyOf(signature, 255))).isFalse();
        assertThat(key.verifies(voter.preparedMsg(), BallotKey.i2osp(java.math.BigInteger.ONE, 256))).isFalse();
        // the retired protocol's signature, s = H(m)^d, is not an RSASSA-PSS signature
        byte[] textbook = key.blindSign(BallotKey.i2osp(new java.math.BigInteger(1, sha256(voter.preparedMsg())), 256));
        assertThat(key.verifies(voter.preparedMsg(), textbook)).isFalse();
        assertThatThrownBy(() -> key.withoutPrivateExponent().blindSign(new byte[256])).isInstanceOf(IllegalStateException.class);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName("D8 the tally counts choices and the credentials taken but not used, nothing else")
    void tally() {
        Tally tally = Tally.of(List.of(Choice.YES, Choice.YES, Choice.NO, Choice.ABSTAIN), 6);
        assertThat(tally).isEqualTo(new Tally(2, 1, 1, 6, 2));
        assertThat(tally.cast()).isEqualTo(4);
    }

    @Test
    @DisplayName("D9 published on a Shanghai day, adopted at 00:00 Shanghai after 7 whole days; 23:30 UTC is already the next day there")
    void publicityInShanghaiDays() {
        Instant published = ZonedDateTime.parse("2026-11-29T10:00:00+08:00[Asia/Shanghai]").toInstant();
        assertThat(PublicityPeriod.adoptAt(published, 7)).isEqualTo(ZonedDateTime.parse("2026-12-07T00:00:00+08:00[Asia/Shanghai]").toInstant());
        Instant lateUtc = Instant.parse("2026-11-29T23:30:00Z"); // 07:30 on 30 November in Chengdu
        assertThat(PublicityPeriod.adoptAt(lateUtc, 7)).isEqualTo(Instant.parse("2026-12-07T16:00:00Z"));
        assertThat(PublicityPeriod.adoptAt(published, 0)).isEqualTo(published);
        assertThat(PublicityPeriod.inPublicity(published.plusSeconds(3600), PublicityPeriod.adoptAt(published, 7))).isTrue();
        assertThat(PublicityPeriod.inPublicity(PublicityPeriod.adoptAt(published, 7), PublicityPeriod.adoptAt(published, 7))).isFalse();
    }

    @Test
    @DisplayName("D11 三有一公开 is complete only with an organisation, a compact, activities and public affairs")
    void courtyardChecklist() {
        assertThat(new CourtyardChecklist(true, true, true, true).complete()).isTrue();
        CourtyardChecklist partial = new CourtyardChecklist(true, false, true, false);
        assertThat(partial.complete()).isFalse();
        assertThat(partial.missing()).containsExactly("compact 有公约", "affairs and finances public 事务财务公开");
    }

    @Test
    @DisplayName("D12 only a resolution about the convention adopts it; a proposal about a convention needs a draft; a courtyard compact names its courtyard")
    void conventions() {
        assertThat(ConventionAdoption.adopts(SubjectType.CONVENTION, "c1", "c1")).isTrue();
        assertThat(ConventionAdoption.adopts(SubjectType.GENERAL, "c1", "c1")).isFalse();
        assertThat(ConventionAdoption.adopts(SubjectType.CONVENTION, "c2", "c1")).isFalse();
        assertThat(ConventionAdoption.draftToDecide("c1", java.util.Optional.empty())).isPresent();
        assertThat(ConventionAdoption.draftToDecide("c1", java.util.Optional.of(2))).isEmpty();
        assertThat(ConventionAdoption.courtyardNamed(ConventionKind.COURTYARD_COMPACT, null)).isPresent();
        assertThat(ConventionAdoption.courtyardNamed(ConventionKind.VILLAGE_RULES, "Y01")).isPresent();
        assertThat(ConventionAdoption.courtyardNamed(ConventionKind.COURTYARD_COMPACT, "Y01")).isEmpty();
    }
}
