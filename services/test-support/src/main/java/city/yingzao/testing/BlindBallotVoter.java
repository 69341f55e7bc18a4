package city.yingzao.testing;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/**
 * The voter's side of the deliberation service's secret ballot (D8), in plain Java with
 * {@link BigInteger} and the JDK, as a web or mobile client implements it: the client of RFC 9474
 * (RSA blind signatures), variant {@value #VARIANT}: SHA-384, MGF1-SHA-384, 48-byte salt, 32-byte
 * random message prefix. A browser does the same with {@code @cloudflare/blindrsa-ts}
 * ({@code RSABSSA.SHA384.PSS.Randomized()}); see services/deliberation/README.md.
 *
 * <ol>
 *   <li>When the vote opens (the box is {@code ISSUING}), read {@code publicKeySpki} from the box.
 *       <b>Prepare</b> (RFC 9474 §4.1): {@code msg} = 32 random bytes (the token), {@code prefix} = 32
 *       random bytes, {@code preparedMsg = prefix ‖ msg} (64 bytes). <b>Blind</b> (§4.2):
 *       EMSA-PSS-ENCODE(preparedMsg) with SHA-384 and a random 48-byte salt, times {@code r^e mod n}
 *       for a random r; send {@code blindedMsg} (base64url, no padding) with your login to
 *       {@code POST /api/motions/{id}/credentials}.</li>
 *   <li>The box answers {@code blindSig}; <b>Finalize</b> (§4.4): {@code sig = blindSig · r^-1 mod n},
 *       checked as a standard RSASSA-PSS signature on {@code preparedMsg}. Keep (preparedMsg, sig).</li>
 *   <li>Wait until the chair has closed issuance ({@code GET /api/motions/{id}/ballot-box} shows
 *       {@code CASTING}), then cast WITHOUT a login, at a random moment:
 *       {@code POST /api/ballots {motionId, preparedMsg, signature, choice}} (base64url). Keep the
 *       answered {@code ballotId}.</li>
 *   <li>After the close, find {@link #receiptOf(String) receiptOf(ballotId)} with your choice in
 *       {@code GET /api/public/motions/{id}/ballots}.</li>
 * </ol>
 *
 * <pre>{@code
 * BlindBallotVoter voter = BlindBallotVoter.forBox(box.publicKeySpki);
 * String blindedMsg = voter.blindedMsg();                // ISSUING: send, logged in
 * voter.finalizeBlindSig(blindSigFromServer);            // keep preparedMsg and signature
 * // ... the chair closes issuance; the box is CASTING
 * voter.ballot(motionId, "YES");                         // send, anonymous
 * }</pre>
 */
public final class BlindBallotVoter {

    public static final String VARIANT = "RSABSSA-SHA384-PSS-Randomized";
    public static final int MSG_BYTES = 32;
    public static final int PREFIX_BYTES = 32;
    public static final int SALT_BYTES = 48;
    private static final int HASH_BYTES = 48;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final RSAPublicKey key;
    private final BigInteger n;
    private final BigInteger e;
    private final int modulusBytes;
    private final byte[] msg;
    private final byte[] preparedMsg;
    private byte[] blindedMsg;
    private BigInteger inv;
    private byte[] signature;

    private BlindBallotVoter(RSAPublicKey key, byte[] msg, byte[] prefix) {
        if (prefix.length != PREFIX_BYTES) {
            throw new IllegalArgumentException("the randomized variant's prefix is " + PREFIX_BYTES + " bytes");
        }
        this.key = key;
        this.n = key.getModulus();
        this.e = key.getPublicExponent();
        this.modulusBytes = (n.bitLength() + 7) / 8;
        this.msg = msg.clone();
        // RFC 9474 §4.1 Prepare, randomized: prefix ‖ msg
        this.preparedMsg = new byte[prefix.length + msg.length];
        System.arraycopy(prefix, 0, preparedMsg, 0, prefix.length);
        System.arraycopy(msg, 0, preparedMsg, prefix.length, msg.length);
    }

    /** A voter with a fresh token for the box whose public key is {@code publicKeySpki} (base64 SPKI DER, as the box answers it). */
    public static BlindBallotVoter forBox(String publicKeySpki) {
        return new BlindBallotVoter(publicKey(publicKeySpki), random(MSG_BYTES), random(PREFIX_BYTES));
    }

    /** A voter for a key with a chosen message and prefix (RFC 9474 test vectors); {@link #forBox(String)} is the real thing. */
    public static BlindBallotVoter forKey(RSAPublicKey key, byte[] msg, byte[] prefix) {
        return new BlindBallotVoter(key, msg, prefix);
    }

    /** The RSA public key from base64 (standard or url alphabet) of an X.509 SubjectPublicKeyInfo. */
    public static RSAPublicKey publicKey(String spkiBase64) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(spkiBase64.replace('-', '+').replace('_', '/'));
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException ex) {
            throw new IllegalArgumentException("not an RSA SubjectPublicKeyInfo", ex);
        }
    }

    /** What to send for a credential: the blinded message, base64url without padding; blinds once (random salt and r), then answers the same. */
    public String blindedMsg() {
        if (blindedMsg == null) {
            blind(random(SALT_BYTES), randomR());
        }
        return b64url(blindedMsg);
    }

    /**
     * RFC 9474 §4.2 Blind with the given salt (48 bytes) and blinding factor r in [1, n): answers
     * {@code blinded_msg} (modulus_len bytes); {@link #inverse()} is then {@code inv = r^-1 mod n}.
     */
    public byte[] blind(byte[] salt, BigInteger r) {
        BigInteger m = new BigInteger(1, emsaPssEncode(preparedMsg, n.bitLength() - 1, salt));
        if (!m.gcd(n).equals(BigInteger.ONE)) {
            throw new IllegalArgumentException("invalid input: the encoded message is not coprime with n");
        }
        if (r.signum() <= 0 || r.compareTo(n) >= 0) {
            throw new IllegalArgumentException("r must be in [1, n)");
        }
        BigInteger inverse;
        try {
            inverse = r.modInverse(n);
        } catch (ArithmeticException ex) {
            throw new IllegalArgumentException("blinding error: r is not invertible mod n");
        }
        this.inv = inverse;
        this.blindedMsg = i2osp(m.multiply(r.modPow(e, n)).mod(n), modulusBytes);
        return blindedMsg.clone();
    }

    /** {@code inv} of RFC 9474 §4.2, after {@link #blind(byte[], BigInteger)}. */
    public BigInteger inverse() {
        return inv;
    }

    /** Finalize on the box's answer, {@code blindSig} in base64url; throws when it is not the box's signature on this voter's message. */
    public BlindBallotVoter finalizeBlindSig(String blindSig) {
        finalizeBlindSig(Base64.getUrlDecoder().decode(blindSig));
        return this;
    }

    /** RFC 9474 §4.4 Finalize: {@code sig = blind_sig · inv mod n}, kept only if RSASSA-PSS-VERIFY (the JDK's) accepts it. */
    public byte[] finalizeBlindSig(byte[] blindSig) {
        if (inv == null) {
            throw new IllegalStateException("blind first");
        }
        if (blindSig.length != modulusBytes) {
            throw new IllegalStateException("unexpected input size: a blind signature is " + modulusBytes + " bytes");
        }
        byte[] sig = i2osp(new BigInteger(1, blindSig).multiply(inv).mod(n), modulusBytes);
        if (!verifies(key, preparedMsg, sig)) {
            throw new IllegalStateException("invalid signature: the ballot box's answer is not a signature on this voter's message");
        }
        this.signature = sig;
        return sig.clone();
    }

    /** RFC 9474 §4.5 Verify: a standard RSASSA-PSS signature (SHA-384, MGF1-SHA-384, salt 48), by the JDK. */
    public static boolean verifies(RSAPublicKey key, byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("RSASSA-PSS");
            verifier.setParameter(new PSSParameterSpec("SHA-384", "MGF1", MGF1ParameterSpec.SHA384, SALT_BYTES, 1));
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (java.security.SignatureException ex) {
            return false;
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The token, {@code msg}: 32 random bytes. */
    public byte[] msg() {
        return msg.clone();
    }

    /** {@code prefix ‖ msg}, what the signature is on. */
    public byte[] preparedMsg() {
        return preparedMsg.clone();
    }

    /** The prepared message as the cast sends it: base64url without padding (86 characters). */
    public String preparedMsgBase64url() {
        return b64url(preparedMsg);
    }

    /** The finalized signature, base64url without padding (342 characters for RSA-2048); available after finalize. */
    public String signature() {
        if (signature == null) {
            throw new IllegalStateException("finalize the box's answer first");
        }
        return b64url(signature);
    }

    /** What the service stores as the spent credential: hex SHA-256 of the token ({@code msg}). */
    public String tokenHash() {
        return sha256Hex(msg);
    }

    /** The body of the anonymous cast, {@code POST /api/ballots}, once the box is CASTING. */
    public Map<String, String> ballot(String motionId, String choice) {
        return Map.of("motionId", motionId, "preparedMsg", preparedMsgBase64url(), "signature", signature(), "choice", choice);
    }

    /** The receipt the service publishes for a ballot: hex SHA-256 of the ballot id as written (lowercase UUID). */
    public static String receiptOf(String ballotId) {
        return sha256Hex(ballotId.getBytes(StandardCharsets.US_ASCII));
    }

    /** 32 random bytes: a fresh token (msg). */
    public static byte[] newToken() {
        return random(MSG_BYTES);
    }

    public static String b64url(byte[] bytes) {
        return B64URL.encodeToString(bytes);
    }

    /** EMSA-PSS-ENCODE of RFC 8017 §9.1.1 with SHA-384 and MGF1-SHA-384. */
    static byte[] emsaPssEncode(byte[] message, int emBits, byte[] salt) {
        int emLen = (emBits + 7) / 8;
        if (emLen < HASH_BYTES + salt.length + 2) {
            throw new IllegalArgumentException("encoding error: the key is too short");
        }
        byte[] mHash = sha384(message);
        byte[] mPrime = new byte[8 + HASH_BYTES + salt.length];
        System.arraycopy(mHash, 0, mPrime, 8, HASH_BYTES);
        System.arraycopy(salt, 0, mPrime, 8 + HASH_BYTES, salt.length);
        byte[] h = sha384(mPrime);
        byte[] db = new byte[emLen - HASH_BYTES - 1];
        db[db.length - salt.length - 1] = 0x01;
        System.arraycopy(salt, 0, db, db.length - salt.length, salt.length);
        byte[] mask = mgf1(h, db.length);
        for (int i = 0; i < db.length; i++) {
            db[i] ^= mask[i];
        }
        db[0] &= (byte) (0xFF >>> (8 * emLen - emBits));
        byte[] em = Arrays.copyOf(db, emLen);
        System.arraycopy(h, 0, em, db.length, HASH_BYTES);
        em[emLen - 1] = (byte) 0xbc;
        return em;
    }

    private static byte[] mgf1(byte[] seed, int length) {
        byte[] out = new byte[length];
        int done = 0;
        for (int counter = 0; done < length; counter++) {
            byte[] block = Arrays.copyOf(seed, seed.length + 4);
            block[seed.length] = (byte) (counter >>> 24);
            block[seed.length + 1] = (byte) (counter >>> 16);
            block[seed.length + 2] = (byte) (counter >>> 8);
            block[seed.length + 3] = (byte) counter;
            byte[] digest = sha384(block);
            int take = Math.min(digest.length, length - done);
            System.arraycopy(digest, 0, out, done, take);
            done += take;
        }
        return out;
    }

    private static byte[] i2osp(BigInteger value, int length) {
        byte[] raw = value.toByteArray();
        if (raw.length > length && !(raw.length == length + 1 && raw[0] == 0)) {
            throw new IllegalArgumentException("integer too large");
        }
        byte[] out = new byte[length];
        int from = Math.max(0, raw.length - length);
        System.arraycopy(raw, from, out, length - (raw.length - from), raw.length - from);
        return out;
    }

    private BigInteger randomR() {
        while (true) {
            BigInteger r = new BigInteger(n.bitLength(), RANDOM);
            if (r.signum() > 0 && r.compareTo(n) < 0 && r.gcd(n).equals(BigInteger.ONE)) {
                return r;
            }
        }
    }

    private static byte[] random(int bytes) {
        byte[] out = new byte[bytes];
        RANDOM.nextBytes(out);
        return out;
    }

    private static byte[] sha384(byte[] bytes) {
        return digest("SHA-384", bytes);
    }

    private static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(digest("SHA-256", bytes));
    }

    private static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
