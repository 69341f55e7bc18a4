package city.yingzao.training.application;

import city.yingzao.kernel.problem.RuleViolation;
import city.yingzao.kernel.rules.Rejection;
import city.yingzao.training.domain.Certificate;
import city.yingzao.training.domain.CertificationScheme;
import city.yingzao.training.domain.HeldCertificate;
import city.yingzao.training.infrastructure.CatalogueStore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * T3: a certificate exported as an Open Badges 3.0 {@code OpenBadgeCredential} (a W3C Verifiable
 * Credential 2.0), secured with a Data Integrity proof of cryptosuite {@code eddsa-jcs-2022}: the
 * credential and the proof options are canonicalised (JSON with sorted keys, no whitespace), hashed
 * with SHA-256 and signed with the service's Ed25519 key. The public key is at
 * {@code GET /api/public/certificates/keys}, so another system verifies offline.
 */
@ApplicationScoped
public class CredentialService {

    static final ObjectMapper CANONICAL = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    @Inject
    CertificationService certification;

    @Inject
    CatalogueStore catalogue;

    @Inject
    CredentialSigner signer;

    @Inject
    Access access;

    @Inject
    TrainingConfig config;

    @Inject
    Clock clock;

    @Transactional
    public Map<String, Object> export(String code) {
        HeldCertificate h = certification.held(code);
        Certificate c = h.certificate();
        access.requireSelfOrReader(c.personId());
        Instant now = clock.instant();
        if (c.standing(now) != Certificate.Standing.VALID) {
            throw RuleViolation.of(new Rejection("T3", "only a valid certificate is exported; this one is " + c.standing(now)));
        }
        String schemeName = catalogue.scheme(c.scheme()).map(CertificationScheme::name).orElse(c.scheme());
        String issuer = config.credentialIssuer();

        Map<String, Object> achievement = new LinkedHashMap<>();
        achievement.put("id", issuer + "/schemes/" + c.scheme());
        achievement.put("type", List.of("Achievement"));
        achievement.put("achievementType", "Certificate");
        achievement.put("name", schemeName);
        achievement.put("description", "Yingzao certification " + c.scheme());
        achievement.put("criteria", Map.of("narrative", "The scheme's required courses completed and its assessment passed (T3)."));
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("type", List.of("AchievementSubject"));
        subject.put("name", h.holderName());
        subject.put("achievement", achievement);

        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("@context", List.of("https://www.w3.org/ns/credentials/v2",
                "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"));
        credential.put("id", "urn:yingzao:certificate:" + c.code());
        credential.put("type", List.of("VerifiableCredential", "OpenBadgeCredential"));
        credential.put("name", schemeName);
        credential.put("issuer", Map.of("id", issuer, "type", List.of("Profile"), "name", "成都市社区营造培训 Yingzao training"));
        credential.put("validFrom", c.validFrom().truncatedTo(ChronoUnit.SECONDS).toString());
        credential.put("validUntil", c.validUntil().truncatedTo(ChronoUnit.SECONDS).toString());
        credential.put("credentialSubject", subject);
        credential.put("credentialStatus", Map.of("id", issuer + "/api/public/certificates/" + c.code(), "type", "YingzaoCertificateStatus"));

        Map<String, Object> proof = new LinkedHashMap<>();
        proof.put("type", "DataIntegrityProof");
        proof.put("cryptosuite", "eddsa-jcs-2022");
        proof.put("created", now.truncatedTo(ChronoUnit.SECONDS).toString());
        proof.put("verificationMethod", issuer + "/api/public/certificates/keys#" + signer.keyId());
        proof.put("proofPurpose", "assertionMethod");
        proof.put("proofValue", CredentialSigner.base58btc(signer.sign(hashData(credential, proof))));
        credential.put("proof", proof);
        return credential;
    }

    /** The public keys that verify exported credentials. */
    public Map<String, Object> keys() {
        return Map.of("keys", List.of(signer.jwk()));
    }

    /**
     * Verifies a credential as an offline verifier does: the proof's signature over the credential
     * without its proof, with the JWK's {@code x}.
     */
    @SuppressWarnings("unchecked")
    public static boolean verify(Map<String, Object> credential, String jwkX) {
        Map<String, Object> copy = new LinkedHashMap<>(credential);
        Object p = copy.remove("proof");
        if (!(p instanceof Map<?, ?> proofMap)) {
            return false;
        }
        Map<String, Object> proof = new LinkedHashMap<>((Map<String, Object>) proofMap);
        Object value = proof.get("proofValue");
        if (!(value instanceof String proofValue)) {
            return false;
        }
        try {
            return CredentialSigner.verify(jwkX, hashData(copy, proof), CredentialSigner.fromBase58btc(proofValue));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** eddsa-jcs-2022: SHA-256 of the canonical proof options (with the document's @context) then of the canonical document. */
    static byte[] hashData(Map<String, Object> unsecured, Map<String, Object> proof) {
        Map<String, Object> options = new LinkedHashMap<>(proof);
        options.remove("proofValue");
        options.put("@context", unsecured.get("@context"));
        byte[] a = CredentialSigner.sha256(canonical(options));
        byte[] b = CredentialSigner.sha256(canonical(unsecured));
        return ByteBuffer.allocate(a.length + b.length).put(a).put(b).array();
    }

    /** JSON with keys sorted at every level and no whitespace (JCS, RFC 8785, for strings, integers, lists and objects). */
    static String canonical(Object value) {
        try {
            return CANONICAL.writeValueAsString(CANONICAL.convertValue(value, Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
