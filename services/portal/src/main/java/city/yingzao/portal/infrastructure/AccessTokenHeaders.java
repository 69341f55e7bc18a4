package city.yingzao.portal.infrastructure;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Every call to a service carries the signed-in person's own access token, so each service checks role
 * and scope itself; the portal never calls with a token of its own. Anonymous visitors call the public
 * endpoints without one. (The token propagation extension does the same; it does not resolve here.)
 */
@ApplicationScoped
public class AccessTokenHeaders implements ClientHeadersFactory {

    @Inject
    CurrentIdentityAssociation identity;

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming, MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        var current = identity.getIdentity();
        if (current != null && !current.isAnonymous()) {
            AccessTokenCredential token = current.getCredential(AccessTokenCredential.class);
            if (token != null) {
                headers.putSingle("Authorization", "Bearer " + token.getToken());
            }
        }
        return headers;
    }
}
