package city.yingzao.deliberation.domain;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

/**
 * D8: the private exponent of a ballot box is stored only sealed with AES-256-GCM under a key the
 * service holds from its configuration (never in the database), so a dump of the database taken
 * while credentials are issued holds no usable private key. Every replica with the same key can
 * open it. The sealed form is {@code version (1 byte) ‖ nonce (12 bytes) ‖ ciphertext ‖ tag (16
 * bytes)}; the motion id is the additional authenticated data, so a sealed key moved to another
 * ballot box does not open.
 */
public final class BallotKeySeal {

    public static final int KEY_BYTES = 32;
    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random;

    private BallotKeySeal(byte[] key, SecureRandom random) {
        this.key = new SecretKeySpec(key, "AES");
        this.random = random;
    }

    /** A seal from 32 bytes written in base64; refuses anything else. */
    public static BallotKeySeal fromBase64(String base64, SecureRandom random) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64 == null ? "" : base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the ballot key encryption key is not base64");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("the ballot key encryption key must be " + KEY_BYTES + " bytes in base64, not " + key.length);
        }
        return new BallotKeySeal(key, random);
    }

    public byte[] seal(UUID motionId, BigInteger privateExponent) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] plain = privateExponent.toByteArray();
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, motionId);
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** The private exponent; throws when the sealed key was made with another key, for another box, or altered. */
    public BigInteger open(UUID motionId, byte[] sealed) {
        if (sealed == null || sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
            throw new IllegalStateException("the ballot box's sealed key is not in a known form");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOfRange(sealed, 1, 1 + NONCE_BYTES), motionId);
            byte[] plain = cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
            BigInteger d = new BigInteger(plain);
            Arrays.fill(plain, (byte) 0);
            return d;
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("the ballot box's key does not open with this service's key (another key, box, or altered)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, UUID motionId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(motionId.toString().getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }
}
