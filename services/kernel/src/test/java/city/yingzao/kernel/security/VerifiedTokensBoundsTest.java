package city.yingzao.kernel.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** How long and how many: the cache's bounds, on a clock the test moves. */
@DisplayName("Verified bearer tokens: bounds (ADR 0005)")
class VerifiedTokensBoundsTest {

    private long now = 1_000_000_000_000L;
    private VerifiedTokens tokens;

    @BeforeEach
    void setUp() {
        tokens = new VerifiedTokens();
        tokens.enabled = true;
        tokens.maxSize = 3;
        tokens.maxAge = Duration.ofMinutes(2);
        tokens.clock = () -> now;
    }

    @Test
    @DisplayName("an entry lives until the token's exp, and never longer than max-age")
    void expiryAndMaxAge() {
        tokens.remember("short", identity("short", now / 1000 + 30));
        tokens.remember("long", identity("long", now / 1000 + 3600));

        now += Duration.ofSeconds(29).toMillis();
        assertThat(tokens.find("short")).isNotNull();
        now += Duration.ofSeconds(1).toMillis();
        assertThat(tokens.find("short")).as("at exp").isNull();

        assertThat(tokens.find("long")).isNotNull();
        now += Duration.ofSeconds(90).toMillis();
        assertThat(tokens.find("long")).as("after max-age, though the token is still valid").isNull();
    }

    @Test
    @DisplayName("full: expired entries are swept first; if none expired, the new token is not cached")
    void bounded() {
        tokens.remember("a", identity("a", now / 1000 + 10));
        tokens.remember("b", identity("b", now / 1000 + 100));
        tokens.remember("c", identity("c", now / 1000 + 100));
        tokens.remember("d", identity("d", now / 1000 + 100));
        assertThat(tokens.size()).isEqualTo(3);
        assertThat(tokens.find("d")).isNull();

        now += Duration.ofSeconds(11).toMillis();
        tokens.remember("d", identity("d", now / 1000 + 100));
        assertThat(tokens.find("d")).isNotNull();
        assertThat(tokens.size()).isEqualTo(3);
    }

    @Test
    @DisplayName("only the identity of exactly that token is cached, and only a JWT with exp")
    void onlyMatchingJwt() {
        tokens.remember("other", identity("token", now / 1000 + 100));
        tokens.remember("no-exp", identity("no-exp", 0));
        assertThat(tokens.size()).isZero();
    }

    @Test
    @DisplayName("the cached identity keeps principal, roles and credential, without the first request's state")
    void copy() {
        SecurityIdentity original = QuarkusSecurityIdentity.builder(identity("t", now / 1000 + 100))
                .addAttribute(io.vertx.ext.web.RoutingContext.class.getName(), "first request").build();
        tokens.remember("t", original);
        SecurityIdentity cached = tokens.find("t");
        assertThat(cached.getPrincipal()).isSameAs(original.getPrincipal());
        assertThat(cached.getRoles()).containsExactly("resident");
        assertThat(cached.getCredential(AccessTokenCredential.class).getToken()).isEqualTo("t");
        assertThat(cached.getAttributes()).doesNotContainKey(io.vertx.ext.web.RoutingContext.class.getName());
    }

    private static SecurityIdentity identity(String token, long exp) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new Jwt("someone", exp))
                .addRole("resident")
                .addCredential(new AccessTokenCredential(token))
                .build();
    }

    private record Jwt(String name, long exp) implements JsonWebToken {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public Set<String> getClaimNames() {
            return exp > 0 ? Set.of("exp", "preferred_username") : Set.of("preferred_username");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            Map<String, Object> claims = exp > 0 ? Map.of("exp", exp, "preferred_username", name) : Map.of("preferred_username", name);
            return (T) claims.get(claimName);
        }
    }
}
