package city.yingzao.registry.application;

import city.yingzao.kernel.problem.Problems;
import city.yingzao.registry.application.Commands.RegisterDistrict;
import city.yingzao.registry.application.Commands.UpdateDistrict;
import city.yingzao.registry.application.Views.DistrictView;
import city.yingzao.registry.infrastructure.CommunityEntity;
import city.yingzao.registry.infrastructure.CommunityRepository;
import city.yingzao.registry.infrastructure.DistrictEntity;
import city.yingzao.registry.infrastructure.DistrictRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;

/** Districts 区/市/县 (P1); only the city operator registers or changes them (the resource says so). */
@ApplicationScoped
@Transactional
public class DistrictService {

    public static final Map<String, String> SORTS = Map.of("code", "code", "name", "name", "tier", "tier");
    private static final int REPUBLISH_BATCH = 500;

    @Inject
    DistrictRepository districts;

    @Inject
    CommunityRepository communities;

    @Inject
    SnapshotPublisher publisher;

    public DistrictView register(RegisterDistrict command) {
        if (districts.findByIdOptional(command.code()).isPresent()) {
            throw Problems.alreadyExists("district", command.code());
        }
        DistrictEntity district = new DistrictEntity();
        district.code = command.code();
        district.name = command.name();
        district.tier = command.tier();
        Inserts.insert(districts, district, constraint -> Problems.alreadyExists("district", command.code()));
        return view(district);
    }

    /**
     * A new tier changes who pays every community of the district (F4), so each of their snapshots
     * is published again, a batch at a time so that a large district never sits in memory at once.
     */
    public DistrictView update(String code, UpdateDistrict command) {
        DistrictEntity district = districts.findByIdOptional(code, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> Problems.notFound("district", code));
        boolean tierChanged = district.tier != command.tier();
        district.name = command.name();
        district.tier = command.tier();
        if (tierChanged) {
            districts.flush();
            for (int page = 0; ; page++) {
                List<CommunityEntity> batch = communities.find("districtCode", Sort.by("code"), code)
                        .withLock(LockModeType.PESSIMISTIC_WRITE).page(Page.of(page, REPUBLISH_BATCH)).list();
                batch.forEach(publisher::communityChanged);
                if (batch.size() < REPUBLISH_BATCH) {
                    break;
                }
            }
        }
        return view(district);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DistrictView find(String code) {
        return districts.findByIdOptional(code).map(DistrictService::view)
                .orElseThrow(() -> Problems.notFound("district", code));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<DistrictView> list(PageRequest page) {
        return PageView.of(districts.findAll(page.sort()), page, rows -> rows.stream().map(DistrictService::view).toList());
    }

    static DistrictView view(DistrictEntity d) {
        return new DistrictView(d.code, d.name, d.tier);
    }
}
