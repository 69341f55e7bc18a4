package city.yingzao.registry.application;

import city.yingzao.kernel.problem.Problems;
import city.yingzao.kernel.problem.RuleViolation;
import city.yingzao.registry.application.Commands.RegisterOrganisation;
import city.yingzao.registry.application.Views.OrganisationView;
import city.yingzao.registry.domain.OrganisationPolicy;
import city.yingzao.registry.infrastructure.CommunityEntity;
import city.yingzao.registry.infrastructure.CommunityRepository;
import city.yingzao.registry.infrastructure.MemberId;
import city.yingzao.registry.infrastructure.OrganisationEntity;
import city.yingzao.registry.infrastructure.OrganisationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;

/** Organisations of a community (P4). */
@ApplicationScoped
@Transactional
public class OrganisationService {

    /** The partial unique index that backs P4 in the database (V1__registry.sql). */
    private static final String LEADING_PER_COMMUNITY = "organisation_one_leading_per_community";

    @Inject
    CommunityRepository communities;

    @Inject
    OrganisationRepository organisations;

    @Inject
    Scope scope;

    @Inject
    SnapshotPublisher publisher;

    public OrganisationView register(String communityCode, RegisterOrganisation command) {
        // the community row lock serialises two concurrent "first party organisation" requests (P4)
        CommunityEntity community = communities.findForUpdate(communityCode)
                .orElseThrow(() -> Problems.notFound("community", communityCode));
        scope.requireCommunity(community, "organisations of community " + communityCode);
        if (organisations.findByIdOptional(new MemberId(communityCode, command.code())).isPresent()) {
            throw Problems.alreadyExists("organisation", communityCode + "/" + command.code());
        }
        Rules.enforce(OrganisationPolicy.mayRegister(communityCode, command.type(), organisations.typesOf(communityCode)));
        OrganisationEntity organisation = new OrganisationEntity();
        organisation.communityCode = communityCode;
        organisation.code = command.code();
        organisation.name = command.name();
        organisation.type = command.type();
        organisation.updatedAt = publisher.now();
        organisation.registeredOn = command.registeredOn() != null ? command.registeredOn()
                : organisation.updatedAt.atZone(SnapshotPublisher.CHINA).toLocalDate();
        organisation.revision = 1;
        Inserts.insert(organisations, organisation, constraint -> LEADING_PER_COMMUNITY.equals(constraint)
                ? RuleViolation.of(OrganisationPolicy.mayRegister(communityCode, command.type(), List.of(command.type())).orElseThrow())
                : Problems.alreadyExists("organisation", communityCode + "/" + command.code()));
        publisher.organisationChanged(organisation);
        return view(organisation);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OrganisationView> list(String communityCode) {
        if (communities.findByIdOptional(communityCode).isEmpty()) {
            throw Problems.notFound("community", communityCode);
        }
        return organisations.ofCommunity(communityCode).stream().map(OrganisationService::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public OrganisationView find(String communityCode, String code) {
        return organisations.findByIdOptional(new MemberId(communityCode, code)).map(OrganisationService::view)
                .orElseThrow(() -> Problems.notFound("organisation", communityCode + "/" + code));
    }

    private static OrganisationView view(OrganisationEntity o) {
        return new OrganisationView(o.communityCode, o.code, o.name, o.type, o.registeredOn, o.revision);
    }
}
