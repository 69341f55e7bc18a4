package city.yingzao.registry.application;

import city.yingzao.kernel.problem.Problems;
import city.yingzao.registry.application.Commands.RegisterStreet;
import city.yingzao.registry.application.Views.StreetView;
import city.yingzao.registry.domain.HierarchyPolicy;
import city.yingzao.registry.infrastructure.DistrictRepository;
import city.yingzao.registry.infrastructure.StreetEntity;
import city.yingzao.registry.infrastructure.StreetRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.Map;

/** Streets and townships 街道/乡镇 (P1). */
@ApplicationScoped
@Transactional
public class StreetService {

    public static final Map<String, String> SORTS = Map.of("code", "code", "name", "name", "districtCode", "districtCode");

    @Inject
    StreetRepository streets;

    @Inject
    DistrictRepository districts;

    @Inject
    Scope scope;

    public StreetView register(RegisterStreet command) {
        Rules.enforce(HierarchyPolicy.parentExists("district", command.districtCode(),
                districts.findByIdOptional(command.districtCode()).isPresent()));
        scope.requireDistrict(command.districtCode(), "district " + command.districtCode());
        if (streets.findByIdOptional(command.code()).isPresent()) {
            throw Problems.alreadyExists("street", command.code());
        }
        StreetEntity street = new StreetEntity();
        street.code = command.code();
        street.name = command.name();
        street.districtCode = command.districtCode();
        Inserts.insert(streets, street, constraint -> Problems.alreadyExists("street", command.code()));
        return view(street);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public StreetView find(String code) {
        return streets.findByIdOptional(code).map(StreetService::view)
                .orElseThrow(() -> Problems.notFound("street", code));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<StreetView> list(String districtCode, PageRequest page) {
        return PageView.of(streets.inDistrict(districtCode, page.sort()), page,
                rows -> rows.stream().map(StreetService::view).toList());
    }

    static StreetView view(StreetEntity s) {
        return new StreetView(s.code, s.name, s.districtCode);
    }
}
