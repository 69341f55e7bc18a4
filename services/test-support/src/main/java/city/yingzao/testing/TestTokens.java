package city.yingzao.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Signed RS256 access tokens shaped like the ones Keycloak issues for realm {@code yingzao}:
 * realm roles in {@code realm_access.roles}, scope claims {@code community} (array), {@code district},
 * {@code org}, {@code household}, and in {@code aud} the client ids of the services (each service
 * accepts only tokens whose {@code aud} holds its own client id; {@link Builder#audience} narrows
 * it). The service verifies them with the public key of this JVM's key pair, exactly as it
 * verifies Keycloak's; a tampered or foreign-signed token is refused.
 *
 * <pre>{@code
 * String token = TestTokens.user("staff-jinjiang").roles("community-staff").communities("510104021001").sign();
 * }</pre>
 */
public final class TestTokens {

    public static final String ISSUER = "https://keycloak.test/realms/yingzao";

    /** The default {@code aud}: every service's client id, as the realm's audience mappers give yingzao-cli's tokens. */
    public static final List<String> AUDIENCE = List.of(
            "registry", "deliberation", "finance", "grants", "evaluation", "training", "portal");

    private static final KeyPair KEYS = generate();

    private TestTokens() {
    }

    public static String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    }

    public static Builder user(String username) {
        return new Builder(username);
    }

    /** A token signed by a key the service does not trust. */
    public static String signedByStranger(String username, String... roles) {
        return user(username).roles(roles).sign(generate());
    }

    public static final class Builder {
        private final String username;
        private Set<String> roles = Set.of();
        private List<String> communities = List.of();
        private String district;
        private String org;
        private String household;
        private Duration lifetime = Duration.ofMinutes(30);
        private List<String> audience = AUDIENCE;

        private Builder(String username) {
            this.username = username;
        }

        public Builder roles(String... roles) {
            this.roles = Set.of(roles);
            return this;
        }

        public Builder communities(String... codes) {
            this.communities = List.of(codes);
            return this;
        }

        public Builder district(String code) {
            this.district = code;
            return this;
        }

        public Builder org(String code) {
            this.org = code;
            return this;
        }

        public Builder household(String code) {
            this.household = code;
            return this;
        }

        /** Replaces the default {@code aud} ({@link #AUDIENCE}); none at all leaves the claim out. */
        public Builder audience(String... clientIds) {
            this.audience = List.of(clientIds);
            return this;
        }

        /** A token that is valid now and expires after {@code lifetime} (default 30 minutes). */
        public Builder expiresIn(Duration lifetime) {
            this.lifetime = lifetime;
            return this;
        }

        public Builder expiredSince(Duration ago) {
            this.lifetime = ago.negated();
            return this;
        }

        public String sign() {
            return sign(KEYS);
        }

        private String sign(KeyPair keys) {
            long now = System.currentTimeMillis() / 1000;
            JwtClaimsBuilder claims = Jwt.claims()
                    .issuer(ISSUER)
                    .subject("sub-" + username)
                    .preferredUserName(username)
                    .claim("azp", "yingzao-cli")
                    .claim("typ", "Bearer")
                    .claim("realm_access", Map.of("roles", List.copyOf(roles)))
                    .issuedAt(now - (lifetime.isNegative() ? 3600 : 0))
                    .expiresAt(now + lifetime.toSeconds());
            if (!audience.isEmpty()) {
                claims.audience(Set.copyOf(audience));
            }
            if (!communities.isEmpty()) {
                claims.claim("community", communities);
            }
            if (district != null) {
                claims.claim("district", district);
            }
            if (org != null) {
                claims.claim("org", org);
            }
            if (household != null) {
                claims.claim("household", household);
            }
            return claims.jws().keyId("test-key").sign(keys.getPrivate());
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
