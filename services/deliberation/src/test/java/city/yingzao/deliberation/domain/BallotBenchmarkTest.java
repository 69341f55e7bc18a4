package city.yingzao.deliberation.domain;

import city.yingzao.testing.BlindBallotVoter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Base64;

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
        byte[][] blinded = new byte[ballots][];
        String spki = key.publicKeySpki();
        start = System.nanoTime();
        for (int i = 0; i < ballots; i++) {
            voters[i] = BlindBallotVoter.forBox(spki);
            blinded[i] = Base64.getUrlDecoder().decode(voters[i].blindedMsg());
        }
        double blindMs = (System.nanoTime() - start) / 1e6 / ballots;
        start = System.nanoTime();
        byte[][] blindSigs = new byte[ballots][];
        for (int i = 0; i < ballots; i++) {
            blindSigs[i] = key.blindSign(blinded[i]);
        }
        double signMs = (System.nanoTime() - start) / 1e6 / ballots;
        start = System.nanoTime();
        for (int i = 0; i < ballots; i++) {
            voters[i].finalizeBlindSig(blindSigs[i]);
        }
        double finalizeMs = (System.nanoTime() - start) / 1e6 / ballots;
        start = System.nanoTime();
        int valid = 0;
        for (BlindBallotVoter voter : voters) {
            valid += key.verifies(voter.preparedMsg(), Base64.getUrlDecoder().decode(voter.signature())) ? 1 : 0;
        }
        double verifyMs = (System.nanoTime() - start) / 1e6 / ballots;
        System.out.printf("D8 figures (RFC 9474 RSABSSA-SHA384-PSS-Randomized): RSA-2048 ballot box key %.0f ms (mean of %d); "
                + "client prepare+blind %.2f ms; server BlindSign (RSASP1 + RSAVP1 check, no CRT) %.2f ms; client finalize (incl. "
                + "PSS verify) %.2f ms; server RSASSA-PSS verification %.3f ms (mean of %d)%n",
                keyMs, keys, blindMs, signMs, finalizeMs, verifyMs, ballots);
        assertThat(valid).isEqualTo(ballots);
    }
}
