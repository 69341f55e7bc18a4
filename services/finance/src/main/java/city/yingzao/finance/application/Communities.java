package city.yingzao.finance.application;

import city.yingzao.finance.domain.Community;
import city.yingzao.finance.domain.CommunityKind;
import city.yingzao.finance.domain.DistrictTier;
import city.yingzao.replica.application.RegistryReplica;
import city.yingzao.replica.domain.ReplicatedCommunity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** Communities as the finance service knows them: from the registry's events only (the shared replica). */
@ApplicationScoped
public class Communities {

    @Inject
    RegistryReplica replica;

    /** The community, or 404 when the registry never announced it. */
    public Community require(String code) {
        return finance(replica.requireCommunity(code));
    }

    /** The name of an organisation the registry announced under {@code code}, if any. */
    public java.util.Optional<String> organisationName(String code) {
        return replica.organisationsWithCode(code).stream().map(o -> o.name()).findFirst();
    }

    /** Every community, ordered by code, for an allocation run (40,000 rows of a few columns). */
    public List<Community> all() {
        return replica.communities().stream().map(Communities::finance).toList();
    }

    /** The communities of a district, by code. */
    public List<Community> ofDistrict(String districtCode) {
        return replica.communitiesOfDistrict(districtCode).stream().map(Communities::finance).toList();
    }

    private static Community finance(ReplicatedCommunity c) {
        return new Community(c.code(), c.name(), CommunityKind.valueOf(c.kind()), c.districtCode(),
                DistrictTier.valueOf(c.districtTier()), c.registeredHouseholds());
    }
}
