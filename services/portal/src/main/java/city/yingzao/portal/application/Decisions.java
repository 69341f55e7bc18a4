package city.yingzao.portal.application;

import city.yingzao.portal.domain.Deliberation;
import city.yingzao.portal.infrastructure.DeliberationClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;
import java.util.UUID;

/** D9, D13: what the public sees of the councils' decisions: resolutions in publicity and adopted, minutes, tallies. */
@ApplicationScoped
public class Decisions {

    public static final int PAGE_SIZE = 20;

    @Inject
    @RestClient
    DeliberationClient deliberation;

    public List<Deliberation.Resolution> resolutions(String community, int page) {
        return deliberation.publicResolutions(community, Math.max(0, page), PAGE_SIZE);
    }

    public Deliberation.Resolution resolution(UUID id) {
        return deliberation.publicResolution(id);
    }

    public Deliberation.Minutes minutes(UUID meeting) {
        return deliberation.publicMinutes(meeting);
    }

    public Deliberation.Tally tally(UUID motion) {
        return deliberation.tally(motion);
    }
}
