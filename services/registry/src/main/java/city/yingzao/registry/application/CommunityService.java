package city.yingzao.registry.application;

import city.yingzao.kernel.problem.Problems;
import city.yingzao.registry.application.Commands.RegisterCommunity;
import city.yingzao.registry.application.Commands.UpdateCommunity;
import city.yingzao.registry.application.Views.CommunityDetailView;
import city.yingzao.registry.application.Views.CommunityView;
import city.yingzao.registry.application.Views.CourtyardView;
import city.yingzao.registry.application.Views.GroupView;
import city.yingzao.registry.application.Views.PublicCommunityView;
import city.yingzao.registry.domain.HierarchyPolicy;
import city.yingzao.registry.domain.StagePolicy;
import city.yingzao.registry.infrastructure.CommunityEntity;
import city.yingzao.registry.infrastructure.CommunityRepository;
import city.yingzao.registry.infrastructure.CourtyardRepository;
import city.yingzao.registry.infrastructure.DistrictEntity;
import city.yingzao.registry.infrastructure.DistrictRepository;
import city.yingzao.registry.infrastructure.ResidentGroupRepository;
import city.yingzao.registry.infrastructure.StreetEntity;
import city.yingzao.registry.infrastructure.StreetRepository;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Communities and villages 社区/村 (P1, P2): registration, changes, lists and the public page. */
@ApplicationScoped
@Transactional
public class CommunityService {

    /** Every sort field has an index ({@code community_by_*}). */
    public static final Map<String, String> SORTS = Map.of("code", "code", "name", "name", "kind", "kind", "stage", "stage",
            "registeredHouseholds", "registeredHouseholds", "districtCode", "districtCode", "streetCode", "streetCode");
    public static final Map<String, String> PUBLIC_SORTS = Map.of("code", "code", "name", "name", "stage", "stage",
            "districtCode", "districtCode");

    @Inject
    CommunityRepository communities;

    @Inject
    StreetRepository streets;

    @Inject
    DistrictRepository districts;

    @Inject
    ResidentGroupRepository groups;

    @Inject
    CourtyardRepository courtyards;

    @Inject
    SnapshotPublisher publisher;

    @Inject
    Scope scope;

    public CommunityDetailView register(RegisterCommunity command) {
        StreetEntity street = streets.findByIdOptional(command.streetCode()).orElse(null);
        Rules.enforce(HierarchyPolicy.parentExists("street", command.streetCode(), street != null));
        scope.requireDistrict(street.districtCode, "district " + street.districtCode);
        Rules.enforce(StagePolicy.check(command.stage()));
        if (communities.findByIdOptional(command.code()).isPresent()) {
            throw Problems.alreadyExists("community", command.code());
        }
        CommunityEntity community = new CommunityEntity();
        community.code = command.code();
        community.name = command.name();
        community.kind = command.kind();
        community.streetCode = street.code;
        community.districtCode = street.districtCode;
        community.registeredHouseholds = command.registeredHouseholds();
        community.stage = command.stage();
        community.revision = 1;
        community.updatedAt = publisher.now();
        Inserts.insert(communities, community, constraint -> Problems.alreadyExists("community", command.code()));
        publisher.communitiesCreated(List.of(community), c -> districts.findById(street.districtCode).tier);
        return detail(community);
    }

    public CommunityDetailView update(String code, UpdateCommunity command) {
        CommunityEntity community = communities.findForUpdate(code).orElseThrow(() -> Problems.notFound("community", code));
        scope.requireDistrict(community.districtCode, "community " + code);
        Rules.enforce(StagePolicy.check(command.stage()));
        community.name = command.name();
        community.kind = command.kind();
        community.registeredHouseholds = command.registeredHouseholds();
        community.stage = command.stage();
        publisher.communityChanged(community);
        return detail(community);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CommunityDetailView find(String code) {
        return detail(communities.findByIdOptional(code).orElseThrow(() -> Problems.notFound("community", code)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<CommunityView> list(CommunityFilter filter, PageRequest page) {
        return PageView.of(search(filter, page), page, rows -> {
            Map<String, DistrictEntity> byCode = districtsOf(rows);
            return rows.stream().map(c -> new CommunityView(c.code, c.name, c.kind, c.streetCode, c.districtCode,
                    byCode.get(c.districtCode).tier, c.registeredHouseholds, c.stage, c.revision, c.updatedAt)).toList();
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<PublicCommunityView> publicList(String districtCode, PageRequest page) {
        return PageView.of(search(CommunityFilter.ofDistrict(districtCode), page), page, rows -> {
            Map<String, DistrictEntity> byCode = districtsOf(rows);
            return rows.stream().map(c -> new PublicCommunityView(c.code, c.name, c.kind, c.districtCode,
                    byCode.get(c.districtCode).name, c.streetCode, c.stage)).toList();
        });
    }

    private PanacheQuery<CommunityEntity> search(CommunityFilter filter, PageRequest page) {
        return communities.search(filter.district(), filter.street(), filter.kind(), filter.stage(), filter.text(), page.sort());
    }

    private Map<String, DistrictEntity> districtsOf(List<CommunityEntity> rows) {
        Set<String> codes = rows.stream().map(c -> c.districtCode).collect(Collectors.toSet());
        return districts.byCodes(codes);
    }

    private CommunityDetailView detail(CommunityEntity c) {
        return new CommunityDetailView(c.code, c.name, c.kind, c.streetCode, c.districtCode,
                districts.findById(c.districtCode).tier, c.registeredHouseholds, c.stage, c.revision, c.updatedAt,
                groups.ofCommunity(c.code).stream().map(g -> new GroupView(g.communityCode, g.code, g.name)).toList(),
                courtyards.ofCommunity(c.code).stream()
                        .map(y -> new CourtyardView(y.communityCode, y.code, y.name, y.groupCode)).toList());
    }
}
