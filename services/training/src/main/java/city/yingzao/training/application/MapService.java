package city.yingzao.training.application;

import city.yingzao.contracts.PivotCategory;
import city.yingzao.kernel.problem.Problems;
import city.yingzao.kernel.problem.RuleViolation;
import city.yingzao.replica.application.RegistryReplica;
import city.yingzao.training.domain.CommunityProfile;
import city.yingzao.training.domain.MapProfile;
import city.yingzao.training.domain.Outcome;
import city.yingzao.training.domain.StudyTour;
import city.yingzao.training.infrastructure.MapStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * T4: the community-building map 社区营造地图. A community's staff edit its profile; its outcomes come
 * from finance, grants and evaluation events kept locally; routes for study tours 游学 link
 * communities in order. Points on the map come from the profile's own optional coordinates (the
 * registry replica holds none).
 */
@ApplicationScoped
public class MapService {

    @Inject
    MapStore map;

    @Inject
    RegistryReplica registry;

    @Inject
    Access access;

    @Inject
    Clock clock;

    public record ProfileEdit(String history, String culture, String specialities, String resources, String pivotCategory,
                              Double latitude, Double longitude) {
    }

    /** A profile with its outcomes, as the public reads it. */
    public record ProfileView(CommunityProfile profile, String pivotCategoryName, List<Outcome> outcomes) {
    }

    public record Page(List<CommunityProfile> items, long total, int page, int size) {
    }

    @Transactional
    public ProfileView edit(String code, ProfileEdit e) {
        registry.requireCommunity(code);
        access.requireStaffOf(code);
        if (e.pivotCategory() != null) {
            Enums.parse(PivotCategory.class, "pivotCategory", e.pivotCategory());
        }
        MapProfile.coordinatesRefusal(e.latitude(), e.longitude()).ifPresent(r -> {
            throw RuleViolation.of(r);
        });
        map.upsertProfile(code, e.history(), e.culture(), e.specialities(), e.resources(), e.pivotCategory(), e.latitude(), e.longitude(),
                access.who(), clock.instant());
        return profile(code);
    }

    @Transactional
    public ProfileView profile(String code) {
        CommunityProfile p = map.profile(code).orElseThrow(() -> Problems.notFound("map profile of community", code));
        String pivot = p.pivotCategory() == null ? null : PivotCategory.valueOf(p.pivotCategory()).chineseName();
        return new ProfileView(p, pivot, map.outcomes(code));
    }

    @Transactional
    public Page page(String district, int page, int size) {
        return new Page(map.page(district, page * size, size), map.count(district), page, size);
    }

    /** RFC 7946 FeatureCollection of the profiles that have coordinates. */
    @Transactional
    public Map<String, Object> geoJson() {
        List<Map<String, Object>> features = new ArrayList<>();
        for (CommunityProfile p : map.located()) {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("code", p.communityCode());
            props.put("name", p.name());
            props.put("district", p.districtCode());
            props.put("stage", p.stage());
            props.put("pivotCategory", p.pivotCategory());
            props.put("specialities", p.specialities());
            features.add(Map.of("type", "Feature", "geometry", Map.of("type", "Point", "coordinates", List.of(p.longitude(), p.latitude())),
                    "properties", props));
        }
        return Map.of("type", "FeatureCollection", "features", features);
    }

    @Transactional
    public StudyTour addTour(String title, String theme, List<String> communities) {
        for (String c : communities) {
            if (!registry.communityKnown(c)) {
                throw Problems.invalid("communities", "no community " + c);
            }
        }
        String id = UUID.randomUUID().toString();
        map.insertTour(id, title, theme, communities, access.who(), clock.instant());
        return new StudyTour(id, title, theme, communities, clock.instant());
    }

    @Transactional
    public List<StudyTour> tours() {
        return map.tours();
    }
}
