package city.yingzao.registry.application;

import city.yingzao.kernel.problem.Problems;
import city.yingzao.registry.application.Commands.AddCourtyard;
import city.yingzao.registry.application.Commands.AddGroup;
import city.yingzao.registry.application.Views.CourtyardView;
import city.yingzao.registry.application.Views.GroupView;
import city.yingzao.registry.domain.HierarchyPolicy;
import city.yingzao.registry.infrastructure.CommunityEntity;
import city.yingzao.registry.infrastructure.CommunityRepository;
import city.yingzao.registry.infrastructure.CourtyardEntity;
import city.yingzao.registry.infrastructure.CourtyardRepository;
import city.yingzao.registry.infrastructure.MemberId;
import city.yingzao.registry.infrastructure.ResidentGroupEntity;
import city.yingzao.registry.infrastructure.ResidentGroupRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Resident groups 居民小组 and courtyards 院落 of a community (P1). They are part of the community's
 * snapshot, so each change raises the community's revision and publishes it whole.
 */
@ApplicationScoped
@Transactional
public class CommunityStructureService {

    @Inject
    CommunityRepository communities;

    @Inject
    ResidentGroupRepository groups;

    @Inject
    CourtyardRepository courtyards;

    @Inject
    SnapshotPublisher publisher;

    @Inject
    Scope scope;

    public GroupView addGroup(String communityCode, AddGroup command) {
        CommunityEntity community = lockedInScope(communityCode);
        if (groups.findByIdOptional(new MemberId(communityCode, command.code())).isPresent()) {
            throw Problems.alreadyExists("resident group", communityCode + "/" + command.code());
        }
        ResidentGroupEntity group = new ResidentGroupEntity();
        group.communityCode = communityCode;
        group.code = command.code();
        group.name = command.name();
        Inserts.insert(groups, group, constraint -> Problems.alreadyExists("resident group", communityCode + "/" + command.code()));
        publisher.communityChanged(community);
        return view(group);
    }

    public CourtyardView addCourtyard(String communityCode, AddCourtyard command) {
        CommunityEntity community = lockedInScope(communityCode);
        if (command.groupCode() != null) {
            Rules.enforce(HierarchyPolicy.groupOfCommunity(communityCode, command.groupCode(), groupCodes(communityCode)));
        }
        if (courtyards.findByIdOptional(new MemberId(communityCode, command.code())).isPresent()) {
            throw Problems.alreadyExists("courtyard", communityCode + "/" + command.code());
        }
        CourtyardEntity courtyard = new CourtyardEntity();
        courtyard.communityCode = communityCode;
        courtyard.code = command.code();
        courtyard.name = command.name();
        courtyard.groupCode = command.groupCode();
        Inserts.insert(courtyards, courtyard, constraint -> Problems.alreadyExists("courtyard", communityCode + "/" + command.code()));
        publisher.communityChanged(community);
        return view(courtyard);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<GroupView> groups(String communityCode) {
        requireCommunity(communityCode);
        return groups.ofCommunity(communityCode).stream().map(CommunityStructureService::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public GroupView group(String communityCode, String code) {
        return groups.findByIdOptional(new MemberId(communityCode, code)).map(CommunityStructureService::view)
                .orElseThrow(() -> Problems.notFound("resident group", communityCode + "/" + code));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CourtyardView> courtyards(String communityCode) {
        requireCommunity(communityCode);
        return courtyards.ofCommunity(communityCode).stream().map(CommunityStructureService::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CourtyardView courtyard(String communityCode, String code) {
        return courtyards.findByIdOptional(new MemberId(communityCode, code)).map(CommunityStructureService::view)
                .orElseThrow(() -> Problems.notFound("courtyard", communityCode + "/" + code));
    }

    private CommunityEntity lockedInScope(String communityCode) {
        CommunityEntity community = communities.findForUpdate(communityCode)
                .orElseThrow(() -> Problems.notFound("community", communityCode));
        scope.requireCommunity(community, "community " + communityCode);
        return community;
    }

    private Set<String> groupCodes(String communityCode) {
        return groups.ofCommunity(communityCode).stream().map(g -> g.code).collect(Collectors.toSet());
    }

    private void requireCommunity(String communityCode) {
        if (communities.findByIdOptional(communityCode).isEmpty()) {
            throw Problems.notFound("community", communityCode);
        }
    }

    private static GroupView view(ResidentGroupEntity g) {
        return new GroupView(g.communityCode, g.code, g.name);
    }

    private static CourtyardView view(CourtyardEntity y) {
        return new CourtyardView(y.communityCode, y.code, y.name, y.groupCode);
    }
}
