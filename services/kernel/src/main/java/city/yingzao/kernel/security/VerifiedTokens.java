package city.yingzao.kernel.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Bearer tokens quarkus-oidc has already verified (signature, issuer, audience, expiry), with the
 * identity it built for them, so that the same token sent again is not parsed and verified again
 * (ADR 0005). The key is the whole token text: a hit is the same bytes whose signature was checked.
 * Every hit checks the token's {@code exp} again, so a cached token expires exactly as an uncached
 * one; an entry also lives at most {@code max-age}, so keys taken off the realm's key set stop being
 * honoured from the cache after at most that long. Bounded: when full, expired entries are swept,
 * and if it is still full the new token is simply not cached.
 */
@ApplicationScoped
public class VerifiedTokens {

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    @ConfigProperty(name = "yingzao.security.token-cache.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "yingzao.security.token-cache.max-size", defaultValue = "2000")
    int maxSize;

    @ConfigProperty(name = "yingzao.security.token-cache.max-age", defaultValue = "PT2M")
    Duration maxAge;

    /** Milliseconds since the epoch; a test sets its own. */
    LongSupplier clock = System::currentTimeMillis;

    record Entry(SecurityIdentity identity, long expiresAtMillis) {
    }

    public boolean enabled() {
        return enabled;
    }

    /** The identity verified earlier for exactly this token, if it has not expired since; else null. */
    public SecurityIdentity find(String token) {
        Entry entry = entries.get(token);
        if (entry == null) {
            return null;
        }
        if (clock.getAsLong() >= entry.expiresAtMillis()) {
            entries.remove(token, entry);
            return null;
        }
        return entry.identity();
    }

    /**
     * Remembers an identity that quarkus-oidc built for a verified bearer JWT. Anything else (no
     * access-token credential, an opaque token, no {@code exp}) is not cached.
     */
    public void remember(String token, SecurityIdentity identity) {
        if (!enabled || token == null || identity.isAnonymous()
                || !(identity instanceof QuarkusSecurityIdentity)
                || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return;
        }
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential == null || !token.equals(credential.getToken())
                || !(jwt.getClaim(Claims.exp.name()) instanceof Number exp) || exp.longValue() <= 0) {
            return;
        }
        long now = clock.getAsLong();
        long expiresAt = Math.min(exp.longValue() * 1000L, now + maxAge.toMillis());
        if (expiresAt <= now) {
            return;
        }
        if (entries.size() >= maxSize) {
            entries.values().removeIf(e -> now >= e.expiresAtMillis());
            if (entries.size() >= maxSize) {
                return;
            }
        }
        entries.put(token, new Entry(withoutRequestState((QuarkusSecurityIdentity) identity), expiresAt));
    }

    public int size() {
        return entries.size();
    }

    public void clear() {
        entries.clear();
    }

    /** The identity for the request in hand: the cached one with this request's routing context. */
    static SecurityIdentity forRequest(SecurityIdentity cached, RoutingContext context) {
        return QuarkusSecurityIdentity.builder(cached).addAttribute(RoutingContext.class.getName(), context).build();
    }

    /** A copy without what belongs to the first request (its routing context and request context). */
    private static SecurityIdentity withoutRequestState(QuarkusSecurityIdentity identity) {
        Map<String, Object> attributes = new HashMap<>(identity.getAttributes());
        attributes.remove(RoutingContext.class.getName());
        attributes.remove(AuthenticationRequestContext.class.getName());
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addRoles(identity.getRoles())
                .addCredentials(identity.getCredentials())
                .addPermissions(identity.getPermissions())
                .addAttributes(attributes)
                .build();
    }
}
