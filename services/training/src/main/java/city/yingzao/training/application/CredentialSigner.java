package city.yingzao.training.application;

import io.quarkus.runtime.LaunchMode;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The service's Ed25519 key that signs exported credentials. Its 32-byte seed comes from
 * {@code yingzao.training.credential-key-seed} (base64; {@code ./yingzao up} keeps one in
 * {@code .yingzao/secrets}, production a Secret); in dev and test one is made at start. The public
 * key is published as a JWK with a key id derived from it, so a verifier works offline.
 */
@ApplicationScoped
public class CredentialSigner {

    private static final Logger LOG = Logger.getLogger(CredentialSigner.class);
    private static final byte[] X509_ED25519_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    @Inject
    TrainingConfig config;

    private KeyPair keys;
    private byte[] rawPublic;
    private String keyId;

    @PostConstruct
    void init() {
        byte[] seed;
        if (config.credentialKeySeed().isPresent() && !config.credentialKeySeed().get().isBlank()) {
            seed = Base64.getDecoder().decode(config.credentialKeySeed().get().trim());
            if (seed.length != 32) {
                throw new IllegalStateException("yingzao.training.credential-key-seed must be 32 bytes, base64");
            }
        } else if (LaunchMode.current() != LaunchMode.NORMAL) {
            seed = new byte[32];
            new SecureRandom().nextBytes(seed);
            LOG.warn("no yingzao.training.credential-key-seed: a credential key was made for this run (dev/test only)");
        } else {
            throw new IllegalStateException("yingzao.training.credential-key-seed is required in production");
        }
        keys = fromSeed(seed);
        byte[] encoded = keys.getPublic().getEncoded();
        rawPublic = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
        keyId = "ed25519-" + HexFormat.of().formatHex(sha256(rawPublic)).substring(0, 16);
    }

    /** Ed25519 key generation reads exactly 32 bytes from its random source: the seed. */
    static KeyPair fromSeed(byte[] seed) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(255, new SecureRandom() {
                @Override
                public void nextBytes(byte[] bytes) {
                    System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
                }
            });
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String keyId() {
        return keyId;
    }

    /** The public key as a JWK (RFC 8037, OKP / Ed25519). */
    public java.util.Map<String, String> jwk() {
        return java.util.Map.of("kty", "OKP", "crv", "Ed25519", "x", Base64.getUrlEncoder().withoutPadding().encodeToString(rawPublic),
                "kid", keyId, "alg", "EdDSA", "use", "sig");
    }

    public byte[] sign(byte[] data) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(keys.getPrivate());
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Verifies with a public key given as the JWK's {@code x} (what an offline verifier holds). */
    public static boolean verify(String jwkX, byte[] data, byte[] signature) {
        try {
            byte[] raw = Base64.getUrlDecoder().decode(jwkX);
            byte[] encoded = new byte[X509_ED25519_PREFIX.length + raw.length];
            System.arraycopy(X509_ED25519_PREFIX, 0, encoded, 0, X509_ED25519_PREFIX.length);
            System.arraycopy(raw, 0, encoded, X509_ED25519_PREFIX.length, raw.length);
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(data);
            return s.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    /** Multibase base58-btc ("z" prefix), as Data Integrity proofs carry their proofValue. */
    public static String base58btc(byte[] bytes) {
        BigInteger n = new BigInteger(1, bytes);
        StringBuilder s = new StringBuilder();
        BigInteger radix = BigInteger.valueOf(58);
        while (n.signum() > 0) {
            BigInteger[] qr = n.divideAndRemainder(radix);
            s.append(BASE58.charAt(qr[1].intValue()));
            n = qr[0];
        }
        for (byte b : bytes) {
            if (b != 0) {
                break;
            }
            s.append('1');
        }
        return "z" + s.reverse();
    }

    public static byte[] fromBase58btc(String multibase) {
        if (multibase == null || !multibase.startsWith("z")) {
            throw new IllegalArgumentException("not base58-btc multibase");
        }
        String text = multibase.substring(1);
        BigInteger n = BigInteger.ZERO;
        for (char ch : text.toCharArray()) {
            int digit = BASE58.indexOf(ch);
            if (digit < 0) {
                throw new IllegalArgumentException("not base58");
            }
            n = n.multiply(BigInteger.valueOf(58)).add(BigInteger.valueOf(digit));
        }
        byte[] body = n.toByteArray();
        if (body.length > 1 && body[0] == 0) {
            body = Arrays.copyOfRange(body, 1, body.length);
        }
        int zeros = 0;
        while (zeros < text.length() && text.charAt(zeros) == '1') {
            zeros++;
        }
        byte[] out = new byte[zeros + body.length];
        System.arraycopy(body, 0, out, zeros, body.length);
        return out;
    }
}
