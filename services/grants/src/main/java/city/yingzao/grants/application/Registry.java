package city.yingzao.grants.application;

import city.yingzao.contracts.grants.GrantTarget;
import city.yingzao.grants.domain.Organisation;
import city.yingzao.grants.domain.Target;
import city.yingzao.grants.infrastructure.TargetLookup;
import city.yingzao.replica.application.RegistryReplica;
import city.yingzao.replica.domain.ReplicatedOrganisation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** What grants reads of the registry, from the local replica only (never a call to the registry). */
@ApplicationScoped
public class Registry {

    @Inject
    RegistryReplica replica;

    @Inject
    TargetLookup targets;

    /**
     * The organisation an {@code org} claim names. Codes are unique within a community: when several
     * communities have one, the active one in the target community wins, then any active one.
     */
    public Optional<Organisation> organisation(String code, String targetCode) {
        List<ReplicatedOrganisation> found = replica.organisationsWithCode(code);
        return found.stream()
                .sorted(Comparator.comparing((ReplicatedOrganisation o) -> !o.active())
                        .thenComparing(o -> !o.communityCode().equals(targetCode))
                        .thenComparing(ReplicatedOrganisation::communityCode))
                .findFirst()
                .map(o -> new Organisation(o.code(), o.communityCode(), o.name(), o.type(), o.registeredOn(), o.active()));
    }

    public Target target(GrantTarget kind, String code) {
        return targets.find(kind, code).orElse(Target.unknown(kind, code));
    }

    public Optional<String> organisationName(String code) {
        return replica.organisationsWithCode(code).stream().filter(ReplicatedOrganisation::active).map(ReplicatedOrganisation::name).findFirst();
    }
}
