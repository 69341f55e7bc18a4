package city.yingzao.portal.application;

import city.yingzao.portal.domain.Deliberation;
import city.yingzao.portal.infrastructure.DeliberationClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.Map;
import java.util.UUID;

/**
 * D8 through the portal. The member's device does the cryptography (RFC 9474 blind signatures, in the browser);
 * the portal only relays: the blinded message with the member's token (the box learns WHO took a credential), the
 * ballot without any token or cookie (the box cannot learn WHICH member cast it). The portal keeps nothing.
 */
@ApplicationScoped
public class SecretBallot {

    @Inject
    @RestClient
    DeliberationClient deliberation;

    public Deliberation.BallotBox box(UUID motion) {
        return deliberation.ballotBox(motion);
    }

    public Map<String, Object> credential(UUID motion, Map<String, Object> blinded) {
        return deliberation.credential(motion, blinded);
    }

    public Map<String, Object> cast(Map<String, Object> ballot) {
        return deliberation.cast(ballot);
    }
}
