package city.yingzao.registry.application;

import city.yingzao.kernel.problem.Problems;
import city.yingzao.registry.application.Commands.ChangeHousehold;
import city.yingzao.registry.application.Commands.RegisterHousehold;
import city.yingzao.registry.application.Views.HouseholdView;
import city.yingzao.registry.domain.HierarchyPolicy;
import city.yingzao.registry.infrastructure.CommunityEntity;
import city.yingzao.registry.infrastructure.CommunityRepository;
import city.yingzao.registry.infrastructure.CourtyardRepository;
import city.yingzao.registry.infrastructure.HouseholdEntity;
import city.yingzao.registry.infrastructure.HouseholdRepository;
import city.yingzao.registry.infrastructure.MemberId;
import city.yingzao.registry.infrastructure.ResidentGroupRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.util.Map;
import java.util.Set;

/**
 * Registered households 户 (P1; one household one vote, F7, is counted from this list elsewhere).
 * Households are personal data: only the community's staff and its district and city operators see them.
 */
@ApplicationScoped
@Transactional
public class HouseholdService {

    public static final Map<String, String> SORTS = Map.of("code", "code", "groupCode", "groupCode", "courtyardCode", "courtyardCode");

    @Inject
    CommunityRepository communities;

    @Inject
    ResidentGroupRepository groups;

    @Inject
    CourtyardRepository courtyards;

    @Inject
    HouseholdRepository households;

    @Inject
    SnapshotPublisher publisher;

    @Inject
    Scope scope;

    /** Registers one household; its community's snapshot does not change (households travel on their own topic). */
    public HouseholdView register(String communityCode, RegisterHousehold command) {
        CommunityEntity community = inScope(communityCode);
        requirePlaceInCommunity(communityCode, command.groupCode(), command.courtyardCode());
        if (households.findByIdOptional(new MemberId(communityCode, command.code())).isPresent()) {
            throw Problems.alreadyExists("household", communityCode + "/" + command.code());
        }
        HouseholdEntity household = new HouseholdEntity();
        household.communityCode = community.code;
        household.code = command.code();
        household.groupCode = command.groupCode();
        household.courtyardCode = command.courtyardCode();
        household.active = true;
        household.revision = 1;
        household.updatedAt = publisher.now();
        Inserts.insert(households, household,
                constraint -> Problems.alreadyExists("household", communityCode + "/" + command.code()));
        publisher.householdChanged(household);
        return view(household);
    }

    /**
     * Moves a household to another group or courtyard of its community, or marks it moved out; the
     * new snapshot (revision + 1) tells the services that count households, such as the F7 vote.
     */
    public HouseholdView change(String communityCode, String code, ChangeHousehold command) {
        inScope(communityCode);
        HouseholdEntity household = households.findByIdOptional(new MemberId(communityCode, code),
                        LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> Problems.notFound("household", communityCode + "/" + code));
        requirePlaceInCommunity(communityCode, command.groupCode(), command.courtyardCode());
        household.groupCode = command.groupCode();
        household.courtyardCode = command.courtyardCode();
        household.active = command.active();
        household.revision++;
        household.updatedAt = publisher.now();
        publisher.householdChanged(household);
        return view(household);
    }

    /** P1: the group, and the courtyard when given, belong to the household's community. */
    private void requirePlaceInCommunity(String communityCode, String groupCode, String courtyardCode) {
        boolean groupExists = groups.findByIdOptional(new MemberId(communityCode, groupCode)).isPresent();
        Rules.enforce(HierarchyPolicy.groupOfCommunity(communityCode, groupCode,
                groupExists ? Set.of(groupCode) : Set.of()));
        if (courtyardCode != null) {
            boolean courtyardExists = courtyards.findByIdOptional(new MemberId(communityCode, courtyardCode)).isPresent();
            Rules.enforce(HierarchyPolicy.courtyardOfCommunity(communityCode, courtyardCode,
                    courtyardExists ? Set.of(courtyardCode) : Set.of()));
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<HouseholdView> list(String communityCode, PageRequest page) {
        inScope(communityCode);
        return PageView.of(households.ofCommunity(communityCode, page.sort()), page,
                rows -> rows.stream().map(HouseholdService::view).toList());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public HouseholdView find(String communityCode, String code) {
        inScope(communityCode);
        return households.findByIdOptional(new MemberId(communityCode, code)).map(HouseholdService::view)
                .orElseThrow(() -> Problems.notFound("household", communityCode + "/" + code));
    }

    private CommunityEntity inScope(String communityCode) {
        CommunityEntity community = communities.findByIdOptional(communityCode)
                .orElseThrow(() -> Problems.notFound("community", communityCode));
        scope.requireCommunity(community, "households of community " + communityCode);
        return community;
    }

    static HouseholdView view(HouseholdEntity h) {
        return new HouseholdView(h.communityCode, h.code, h.groupCode, h.courtyardCode, h.active, h.revision);
    }
}
