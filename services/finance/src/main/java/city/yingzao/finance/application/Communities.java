package city.yingzao.finance.application;

import city.yingzao.finance.domain.Community;
import city.yingzao.finance.infrastructure.ReplicaStore;
import city.yingzao.kernel.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Communities as the finance service knows them: from the registry's events only. */
@ApplicationScoped
public class Communities {

    @Inject
    ReplicaStore replica;

    /** The community, or 404 when the registry never announced it. */
    public Community require(String code) {
        return replica.community(code).orElseThrow(() -> Problems.notFound("community", code));
    }
}
