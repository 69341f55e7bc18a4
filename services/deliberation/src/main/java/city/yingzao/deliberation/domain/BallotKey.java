package city.yingzao.deliberation.domain;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * D8: the RSA key of one ballot box, for RSA blind signatures as standardised by RFC 9474, variant
 * {@value #VARIANT} (SHA-384, MGF1-SHA-384, 48-byte salt, a 32-byte random prefix on the message).
 *
 * <p>The server's side is {@link #blindSign(byte[]) BlindSign}: RSASP1 on the member's blinded
 * message, checked with RSAVP1 before it leaves (RFC 9474 §4.3). It never sees the message inside.
 * The member finalizes into an ordinary RSASSA-PSS signature on the prepared message
 * {@code prefix ‖ msg}, which {@link #verifies(byte[], byte[])} checks with the JDK's
 * {@code RSASSA-PSS} and nothing of our own: any RFC 9474 client (e.g. {@code @cloudflare/blindrsa-ts})
 * interoperates. So the server knows WHO took a credential but never WHICH ballot it became.
 *
 * <p>The prepared message a ballot carries is exactly {@value #PREPARED_BYTES} bytes: the random
 * prefix ({@value #PREFIX_BYTES} bytes, RFC 9474 §4.1) followed by {@code msg}, the voter's token of
 * {@value #MSG_BYTES} random bytes. One ballot per token: the token is the spent-credential key
 * ({@link #tokenHash(byte[])}).
 *
 * @param modulus         n
 * @param publicExponent  e
 * @param privateExponent d, absent once issuance is closed (nobody can issue a credential afterwards)
 */
public record BallotKey(BigInteger modulus, BigInteger publicExponent, Optional<BigInteger> privateExponent) {

    /** The RFC 9474 variant, as named in RFC 9474 §5 and in the box's view. */
    public static final String VARIANT = "RSABSSA-SHA384-PSS-Randomized";
    public static final int BITS = 2048;
    public static final int MSG_BYTES = 32;
    public static final int PREFIX_BYTES = 32;
    public static final int PREPARED_BYTES = PREFIX_BYTES + MSG_BYTES;
    public static final int SALT_BYTES = 48;
    /** RSASSA-PSS with SHA-384, MGF1-SHA-384, salt 48, trailer field 1: what every ballot's signature is. */
    public static final PSSParameterSpec PSS = new PSSParameterSpec("SHA-384", "MGF1", MGF1ParameterSpec.SHA384, SALT_BYTES, 1);

    /** A fresh key pair for one motion (e = 65537). */
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

    /** modulus_len of RFC 9474: the length of n in bytes, and of every blinded message, blind signature and signature. */
    public int modulusBytes() {
        return (modulus.bitLength() + 7) / 8;
    }

    /** RFC 9474 §4.3 input checks: {@code blinded_msg} is modulus_len bytes and, as an integer, in [0, n). */
    public boolean acceptsBlinded(byte[] blindedMsg) {
        return blindedMsg != null && blindedMsg.length == modulusBytes() && new BigInteger(1, blindedMsg).compareTo(modulus) < 0;
    }

    /**
     * RFC 9474 §4.3 BlindSign: {@code s = RSASP1(sk, m)}, then {@code RSAVP1(pk, s) == m} is checked
     * (a fault in the computation must not leak the key), answered as modulus_len bytes.
     *
     * @throws IllegalArgumentException when the input is not acceptable ({@link #acceptsBlinded(byte[])})
     * @throws IllegalStateException    when the box has no private key any more, or the signing check fails
     */
    public byte[] blindSign(byte[] blindedMsg) {
        BigInteger d = privateExponent.orElseThrow(() -> new IllegalStateException("the ballot box issues no credentials any more"));
        if (!acceptsBlinded(blindedMsg)) {
            throw new IllegalArgumentException("blinded_msg must be " + modulusBytes() + " bytes encoding an integer below n");
        }
        BigInteger m = new BigInteger(1, blindedMsg);
        BigInteger s = m.modPow(d, modulus);
        if (!s.modPow(publicExponent, modulus).equals(m)) {
            throw new IllegalStateException("signing failure: RSAVP1(pk, s) != m");
        }
        return i2osp(s, modulusBytes());
    }

    /** Whether {@code signature} is a standard RSASSA-PSS (SHA-384, salt 48) signature of this key on the prepared message. */
    public boolean verifies(byte[] preparedMsg, byte[] signature) {
        return preparedMsg != null && preparedMsg.length == PREPARED_BYTES && isSignatureOn(preparedMsg, signature);
    }

    /** RSASSA-PSS-VERIFY (SHA-384, MGF1-SHA-384, salt 48) of the JDK on any message: RFC 9474 §4.5 Verify. */
    public boolean isSignatureOn(byte[] message, byte[] signature) {
        if (signature == null || signature.length != modulusBytes()) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("RSASSA-PSS");
            verifier.setParameter(PSS);
            verifier.initVerify(publicKey());
            verifier.update(message);
            return verifier.verify(signature);
        } catch (java.security.SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSASSA-PSS is part of every Java runtime", e);
        }
    }

    public RSAPublicKey publicKey() {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, publicExponent));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is part of every Java runtime", e);
        }
    }

    /** The public key as published: base64 (standard alphabet, padded) of its X.509 SubjectPublicKeyInfo DER (rsaEncryption). */
    public String publicKeySpki() {
        return Base64.getEncoder().encodeToString(publicKey().getEncoded());
    }

    public BallotKey withoutPrivateExponent() {
        return new BallotKey(modulus, publicExponent, Optional.empty());
    }

    /** The voter's token inside a prepared message: its last {@value #MSG_BYTES} bytes. */
    public static byte[] token(byte[] preparedMsg) {
        if (preparedMsg == null || preparedMsg.length != PREPARED_BYTES) {
            throw new IllegalArgumentException("a prepared message is " + PREPARED_BYTES + " bytes");
        }
        return Arrays.copyOfRange(preparedMsg, PREFIX_BYTES, PREPARED_BYTES);
    }

    /** The spent-credential key of a ballot: hex SHA-256 of its token (the 32 bytes of msg). */
    public static String tokenHash(byte[] preparedMsg) {
        return HexFormat.of().formatHex(sha256(token(preparedMsg)));
    }

    /** Hex SHA-256 of a text: the published receipt of a ballot id. */
    public static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text.getBytes(StandardCharsets.US_ASCII)));
    }

    /** I2OSP of RFC 8017: the integer as exactly {@code length} big-endian bytes. */
    public static byte[] i2osp(BigInteger value, int length) {
        byte[] raw = value.toByteArray();
        if (raw.length == length) {
            return raw;
        }
        if (raw.length == length + 1 && raw[0] == 0) {
            return Arrays.copyOfRange(raw, 1, raw.length);
        }
        if (raw.length > length) {
            throw new IllegalArgumentException("integer too large");
        }
        byte[] out = new byte[length];
        System.arraycopy(raw, 0, out, length - raw.length, raw.length);
        return out;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
