package city.yingzao.deliberation.domain;

import city.yingzao.testing.BlindBallotVoter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Figures, not targets: how long the blind-signature ballot's cryptography takes on this machine
 * (printed; the assertions only check that the work was right). Opening a box generates one
 * RSA-2048 key; each credential is one private-key exponentiation; each cast one verification.
 */
@DisplayName("D8 figures of the blind-signature ballot")
class BallotBenchmarkTest {

    @Test
    @DisplayName("D8 figures: key generation, blind signing, verification")
    void figures() {
        SecureRandom random = new SecureRandom();
        int keys = 5;
        long start = System.nanoTime();
        BallotKey key = null;
        for (int i = 0; i < keys; i++) {
            key = BallotKey.generate(random);
        }
        double keyMs = (System.nanoTime() - start) / 1e6 / keys;

        int ballots = 100;
        BlindBallotVoter[] voters = new BlindBallotVoter[ballots];
        BigInteger[] blinded = new BigInteger[ballots];
        for (int i = 0; i < ballots; i++) {
            voters[i] = BlindBallotVoter.forBox(key.modulus().toString(), key.publicExponent().toString());
            blinded[i] = new BigInteger(voters[i].blinded());
        }
        start = System.nanoTime();
        for (int i = 0; i < ballots; i++) {
            voters[i].unblind(key.signBlinded(blinded[i]).toString());
        }
        double signMs = (System.nanoTime() - start) / 1e6 / ballots;
        start = System.nanoTime();
        int valid = 0;
        for (BlindBallotVoter voter : voters) {
            valid += key.verifies(voter.token(), new BigInteger(voter.signature())) ? 1 : 0;
        }
        double verifyMs = (System.nanoTime() - start) / 1e6 / ballots;
        System.out.printf("D8 figures: RSA-2048 ballot box key %.0f ms (mean of %d); blind signature %.2f ms (incl. client unblind); "
                + "verification %.3f ms (mean of %d)%n", keyMs, keys, signMs, verifyMs, ballots);
        assertThat(valid).isEqualTo(ballots);
    }
}
