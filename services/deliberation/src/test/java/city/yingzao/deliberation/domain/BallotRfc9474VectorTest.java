package city.yingzao.deliberation.domain;

import city.yingzao.testing.BlindBallotVoter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Both sides of the ballot are RFC 9474, variant RSABSSA-SHA384-PSS-Randomized: the test vector of
 * RFC 9474 Appendix A (resource {@code rfc9474/rsabssa-sha384-pss-randomized.json}, its source named
 * inside) is reproduced byte for byte by the Java client (Prepare, Blind with the vector's salt and
 * r, Finalize) and by the ballot box (BlindSign), and the signature verifies with the JDK's
 * standard RSASSA-PSS.
 */
@DisplayName("D8 the ballot is RFC 9474 RSABSSA-SHA384-PSS-Randomized")
class BallotRfc9474VectorTest {

    private static JsonNode vector;
    private static BigInteger n;
    private static BigInteger e;
    private static BigInteger d;
    private static RSAPublicKey publicKey;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = BallotRfc9474VectorTest.class.getResourceAsStream("/rfc9474/rsabssa-sha384-pss-randomized.json")) {
            vector = new ObjectMapper().readTree(in);
        }
        assertThat(vector.path("name").asText()).isEqualTo(BallotKey.VARIANT).isEqualTo(BlindBallotVoter.VARIANT);
        n = number("n");
        e = number("e");
        d = number("d");
        assertThat(number("p").multiply(number("q"))).isEqualTo(n);
        publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
    }

    @Test
    @DisplayName("D8 RFC 9474 vector: the client's Prepare and Blind (injected salt and r) give the vector's prepared message, inv and blinded_msg")
    void clientBlindsLikeTheVector() {
        BlindBallotVoter voter = BlindBallotVoter.forKey(publicKey, bytes("msg"), bytes("msg_prefix"));
        assertThat(hex(voter.preparedMsg())).isEqualTo(text("input_msg"));
        BigInteger inv = number("inv");
        byte[] blinded = voter.blind(bytes("salt"), inv.modInverse(n));
        assertThat(voter.inverse()).isEqualTo(inv);
        assertThat(hex(blinded)).isEqualTo(text("blinded_msg"));
    }

    @Test
    @DisplayName("D8 RFC 9474 vector: the ballot box's BlindSign gives the vector's blind_sig, and refuses an input of the wrong size or not below n")
    void serverSignsLikeTheVector() {
        BallotKey box = new BallotKey(n, e, Optional.of(d));
        assertThat(hex(box.blindSign(bytes("blinded_msg")))).isEqualTo(text("blind_sig"));
        byte[] tooShort = Arrays.copyOf(bytes("blinded_msg"), box.modulusBytes() - 1);
        assertThatThrownBy(() -> box.blindSign(tooShort)).isInstanceOf(IllegalArgumentException.class);
        byte[] notBelowN = BallotKey.i2osp(n, box.modulusBytes());
        assertThatThrownBy(() -> box.blindSign(notBelowN)).isInstanceOf(IllegalArgumentException.class);
        assertThat(box.acceptsBlinded(BallotKey.i2osp(n.subtract(BigInteger.ONE), box.modulusBytes()))).isTrue();
    }

    @Test
    @DisplayName("D8 RFC 9474 vector: Finalize gives the vector's sig, a standard RSASSA-PSS signature the JDK and the ballot box verify")
    void finalizedSignatureIsStandardPss() throws Exception {
        BlindBallotVoter voter = BlindBallotVoter.forKey(publicKey, bytes("msg"), bytes("msg_prefix"));
        voter.blind(bytes("salt"), number("inv").modInverse(n));
        byte[] sig = voter.finalizeBlindSig(bytes("blind_sig"));
        assertThat(hex(sig)).isEqualTo(text("sig"));

        Signature jdk = Signature.getInstance("RSASSA-PSS");
        jdk.setParameter(new PSSParameterSpec("SHA-384", "MGF1", MGF1ParameterSpec.SHA384, 48, 1));
        jdk.initVerify(publicKey);
        jdk.update(bytes("input_msg"));
        assertThat(jdk.verify(sig)).isTrue();
        assertThat(new BallotKey(n, e, Optional.empty()).isSignatureOn(bytes("input_msg"), sig)).isTrue();
        assertThat(new BallotKey(n, e, Optional.empty()).isSignatureOn(bytes("msg"), sig)).isFalse();

        byte[] wrong = bytes("blind_sig");
        wrong[wrong.length - 1] ^= 1;
        BlindBallotVoter other = BlindBallotVoter.forKey(publicKey, bytes("msg"), bytes("msg_prefix"));
        other.blind(bytes("salt"), number("inv").modInverse(n));
        assertThatThrownBy(() -> other.finalizeBlindSig(wrong)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("invalid signature");
    }

    private static String text(String field) {
        return vector.path(field).asText().replaceFirst("^0x", "").toLowerCase();
    }

    private static byte[] bytes(String field) {
        return HexFormat.of().parseHex(text(field));
    }

    private static BigInteger number(String field) {
        return new BigInteger(text(field), 16);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
