package city.yingzao.testing;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The voter's side of the deliberation service's secret ballot (D8), in plain Java, as a web or
 * mobile client implements it. RSA blind signatures (Chaum), in two phases:
 *
 * <ol>
 *   <li>When the vote opens (the box is {@code ISSUING}): {@code token} = 32 random bytes as 64
 *       lowercase hex characters; {@code H(token)} = SHA-256 of those 64 ASCII characters as a
 *       positive integer, mod n; {@code blinded} = H(token) · r^e mod n, r random and coprime with n;
 *       send {@code blinded} (decimal) with your login to {@code POST /api/motions/{id}/credentials}.</li>
 *   <li>The box answers {@code blindSignature} = blinded^d mod n; unblind s = blindSignature · r^-1 mod n
 *       and check s^e mod n == H(token). Keep (token, s) on the device.</li>
 *   <li>Wait until the chair has closed issuance ({@code GET /api/motions/{id}/ballot-box} shows
 *       {@code CASTING}; a cast before is refused with D8), then cast WITHOUT a login, preferably
 *       at a random moment: {@code POST /api/ballots {motionId, token, signature: s, choice}}.
 *       Keep the answered {@code ballotId}.</li>
 *   <li>After the close, find {@link #receiptOf(String) receiptOf(ballotId)} with your choice in
 *       {@code GET /api/public/motions/{id}/ballots}.</li>
 * </ol>
 *
 * <pre>{@code
 * BlindBallotVoter voter = BlindBallotVoter.forBox(n, e);
 * String blinded = voter.blinded();                      // ISSUING: send, logged in
 * voter.unblind(blindSignatureFromServer);               // keep token and signature
 * // ... the chair closes issuance; the box is CASTING
 * voter.ballot(motionId, "YES");                         // send, anonymous
 * }</pre>
 */
public final class BlindBallotVoter {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final BigInteger n;
    private final BigInteger e;
    private final String token;
    private final BigInteger r;
    private BigInteger signature;

    private BlindBallotVoter(BigInteger n, BigInteger e) {
        this.n = n;
        this.e = e;
        this.token = newToken();
        this.r = coprimeWith(n);
    }

    /** A voter for the ballot box whose public key is (n, e), in decimal as the service answers them. */
    public static BlindBallotVoter forBox(String modulus, String publicExponent) {
        return new BlindBallotVoter(new BigInteger(modulus), new BigInteger(publicExponent));
    }

    /** 32 random bytes, as 64 lowercase hex characters. */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** H(token) = SHA-256 over the token's ASCII characters, as a positive integer, mod n. */
    public static BigInteger hash(String token, BigInteger n) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return new BigInteger(1, digest).mod(n);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** What to send for a credential: H(token) · r^e mod n, in decimal. */
    public String blinded() {
        return hash(token, n).multiply(r.modPow(e, n)).mod(n).toString();
    }

    /** Takes the box's blind signature, unblinds it and checks it; throws when it is not a signature on the token. */
    public BlindBallotVoter unblind(String blindSignature) {
        BigInteger s = new BigInteger(blindSignature).multiply(r.modInverse(n)).mod(n);
        if (!s.modPow(e, n).equals(hash(token, n))) {
            throw new IllegalStateException("the ballot box's answer is not a signature on this token");
        }
        this.signature = s;
        return this;
    }

    public String token() {
        return token;
    }

    /** The unblinded signature, in decimal; available after {@link #unblind(String)}. */
    public String signature() {
        if (signature == null) {
            throw new IllegalStateException("unblind the box's answer first");
        }
        return signature.toString();
    }

    /** The body of the anonymous cast, {@code POST /api/ballots}, once the box is CASTING. */
    public java.util.Map<String, String> ballot(String motionId, String choice) {
        return java.util.Map.of("motionId", motionId, "token", token, "signature", signature(), "choice", choice);
    }

    /** The receipt the service publishes for a ballot: hex SHA-256 of the ballot id as written (lowercase UUID). */
    public static String receiptOf(String ballotId) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(ballotId.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static BigInteger coprimeWith(BigInteger n) {
        while (true) {
            BigInteger candidate = new BigInteger(n.bitLength() - 1, RANDOM);
            if (candidate.compareTo(BigInteger.TWO) >= 0 && candidate.gcd(n).equals(BigInteger.ONE)) {
                return candidate;
            }
        }
    }
}
