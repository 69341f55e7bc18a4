package city.yingzao.deliberation.domain;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * D8: the RSA key of one ballot box, for blind signatures (Chaum). The server signs what a member
 * sends blinded, {@code H(token)·r^e mod n}, without seeing the token; the member unblinds and casts
 * anonymously with {@code (token, s)}, and the server checks {@code s^e mod n == H(token) mod n}.
 * So the server knows WHO took a credential but never WHICH ballot it became.
 *
 * <p>{@code token} is 32 random bytes written as 64 lowercase hex characters; {@code H(token)} is
 * SHA-256 of those 64 ASCII characters, as a positive integer, reduced mod n.
 *
 * @param modulus         n
 * @param publicExponent  e
 * @param privateExponent d, absent once the box is closed (nobody can issue a credential afterwards)
 */
public record BallotKey(BigInteger modulus, BigInteger publicExponent, Optional<BigInteger> privateExponent) {

    public static final int BITS = 2048;
    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{64}");

    /** A fresh key pair for one motion. */
    public static BallotKey generate(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(BITS, random);
            var pair = generator.generateKeyPair();
            RSAPublicKey pub = (RSAPublicKey) pair.getPublic();
            RSAPrivateKey priv = (RSAPrivateKey) pair.getPrivate();
            return new BallotKey(pub.getModulus(), pub.getPublicExponent(), Optional.of(priv.getPrivateExponent()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is part of every Java runtime", e);
        }
    }

    /** Whether a value sent as {@code blinded} can be signed: an integer in [2, n − 1]. */
    public boolean acceptsBlinded(BigInteger blinded) {
        return blinded.compareTo(BigInteger.TWO) >= 0 && blinded.compareTo(modulus) < 0;
    }

    /** {@code blinded^d mod n}; the server learns nothing of the token inside. */
    public BigInteger signBlinded(BigInteger blinded) {
        BigInteger d = privateExponent.orElseThrow(() -> new IllegalStateException("the ballot box is closed"));
        return blinded.modPow(d, modulus);
    }

    /** Whether {@code signature} is this key's signature on {@code H(token)}. */
    public boolean verifies(String token, BigInteger signature) {
        if (!isWellFormed(token) || signature.signum() <= 0 || signature.compareTo(modulus) >= 0) {
            return false;
        }
        return signature.modPow(publicExponent, modulus).equals(hash(token, modulus));
    }

    public BallotKey withoutPrivateExponent() {
        return new BallotKey(modulus, publicExponent, Optional.empty());
    }

    public static boolean isWellFormed(String token) {
        return token != null && TOKEN.matcher(token).matches();
    }

    /** H(token) = SHA-256(ASCII of the token) as a positive integer, mod n. */
    public static BigInteger hash(String token, BigInteger modulus) {
        return new BigInteger(1, sha256(token)).mod(modulus);
    }

    /** Hex SHA-256 of a text: the stored token hash (one ballot per token) and the published receipt of a ballot id. */
    public static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
