package city.yingzao.kernel.security;

import io.quarkus.oidc.runtime.OidcAuthenticationMechanism;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;

/**
 * Bearer authentication in front of quarkus-oidc's (ADR 0005): a token verified before (and not
 * expired since) gets its identity from {@link VerifiedTokens}; any other token is handed to
 * quarkus-oidc's mechanism, which verifies it as always, and its identity is remembered. Requests
 * without a bearer token, and every challenge, are left to quarkus-oidc.
 */
@ApplicationScoped
public class CachedBearerAuthentication implements HttpAuthenticationMechanism {

    private static final String BEARER = "bearer ";

    @Inject
    VerifiedTokens verified;

    @Inject
    OidcAuthenticationMechanism oidc;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        if (!verified.enabled()) {
            return Uni.createFrom().nullItem();
        }
        String token = bearerToken(context);
        if (token == null) {
            return Uni.createFrom().nullItem();
        }
        SecurityIdentity cached = verified.find(token);
        if (cached != null) {
            return Uni.createFrom().item(VerifiedTokens.forRequest(cached, context));
        }
        return oidc.authenticate(context, identityProviderManager).invoke(identity -> {
            if (identity != null) {
                verified.remember(token, identity);
            }
        });
    }

    /** The token of a single {@code Authorization: Bearer} header, else null (quarkus-oidc decides). */
    static String bearerToken(RoutingContext context) {
        var headers = context.request().headers().getAll(HttpHeaders.AUTHORIZATION);
        if (headers.size() != 1) {
            return null;
        }
        String header = headers.get(0);
        if (header.length() <= BEARER.length() || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = header.substring(BEARER.length()).trim();
        return token.isEmpty() ? null : token;
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public int getPriority() {
        return oidc.getPriority() + 1;
    }
}
