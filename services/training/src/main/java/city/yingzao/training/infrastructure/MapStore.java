package city.yingzao.training.infrastructure;

import city.yingzao.kernel.persistence.Jdbc;
import city.yingzao.training.domain.CommunityProfile;
import city.yingzao.training.domain.Outcome;
import city.yingzao.training.domain.StudyTour;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** T4: the map's profiles (with their own coordinates), outcomes kept from other services' events, and study tours. */
@ApplicationScoped
public class MapStore {

    @Inject
    Jdbc jdbc;

    public void upsertProfile(String code, String history, String culture, String specialities, String resources, String pivot,
                              Double latitude, Double longitude, String by, Instant at) {
        jdbc.update("""
                insert into map_profile (community_code, history, culture, specialities, resources, pivot_category, latitude, longitude,
                                         updated_by, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (community_code) do update set history = excluded.history, culture = excluded.culture,
                    specialities = excluded.specialities, resources = excluded.resources, pivot_category = excluded.pivot_category,
                    latitude = excluded.latitude, longitude = excluded.longitude, updated_by = excluded.updated_by,
                    updated_at = excluded.updated_at""", code, history, culture, specialities, resources, pivot, latitude, longitude, by, at);
    }

    private static final String PROFILE = """
            select p.*, c.name, c.district_code, c.stage from map_profile p join replica_community c on c.code = p.community_code
            """;

    public Optional<CommunityProfile> profile(String code) {
        return jdbc.one(PROFILE + " where p.community_code = ?", MapStore::profile, code);
    }

    /** A page of profiles in community-code order (keyset on the code would serve 4,000+ as well; offset is fine at that size). */
    public List<CommunityProfile> page(String district, int offset, int size) {
        return jdbc.list(PROFILE + " where (cast(? as varchar) is null or c.district_code = ?) order by p.community_code offset ? limit ?",
                MapStore::profile, district, district, offset, size);
    }

    public long count(String district) {
        return jdbc.one("""
                select count(*) from map_profile p join replica_community c on c.code = p.community_code
                where (cast(? as varchar) is null or c.district_code = ?)""", rs -> rs.getLong(1), district, district).orElse(0L);
    }

    public List<CommunityProfile> located() {
        return jdbc.list(PROFILE + " where p.latitude is not null and p.longitude is not null order by p.community_code", MapStore::profile);
    }

    /**
     * Keeps an outcome once per (source, ref): a redelivery or the same fact under another event id changes
     * nothing; a newer fact about the same ref (an evaluation re-scored after an upheld appeal) replaces it,
     * and an older one arriving late (a replayed dead letter) does not.
     */
    public boolean outcome(String source, String ref, String community, String title, String detail, Instant at) {
        return jdbc.update("""
                insert into map_outcome (source, ref, community_code, title, detail, occurred_at) values (?, ?, ?, ?, ?, ?)
                on conflict (source, ref) do update set community_code = excluded.community_code, title = excluded.title,
                    detail = excluded.detail, occurred_at = excluded.occurred_at
                where map_outcome.occurred_at < excluded.occurred_at""", source, ref, community, title, detail, at) == 1;
    }

    public List<Outcome> outcomes(String community) {
        return jdbc.list("select * from map_outcome where community_code = ? order by occurred_at desc limit 100",
                rs -> new Outcome(rs.getString("source"), rs.getString("ref"), rs.getString("community_code"), rs.getString("title"),
                        rs.getString("detail"), Jdbc.instant(rs, "occurred_at")), community);
    }

    public void insertTour(String id, String title, String theme, List<String> communities, String by, Instant at) {
        jdbc.update("insert into study_tour (id, title, theme, communities, created_by, created_at) values (?, ?, ?, ?, ?, ?)",
                UUID.fromString(id), title, theme, communities, by, at);
    }

    public List<StudyTour> tours() {
        return jdbc.list("select * from study_tour order by created_at desc limit 200",
                rs -> new StudyTour(rs.getString("id"), rs.getString("title"), rs.getString("theme"), Jdbc.strings(rs, "communities"),
                        Jdbc.instant(rs, "created_at")));
    }

    private static CommunityProfile profile(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new CommunityProfile(rs.getString("community_code"), rs.getString("name"), rs.getString("district_code"), rs.getInt("stage"),
                rs.getString("history"), rs.getString("culture"), rs.getString("specialities"), rs.getString("resources"),
                rs.getString("pivot_category"), Jdbc.decimal(rs, "latitude"), Jdbc.decimal(rs, "longitude"), Jdbc.instant(rs, "updated_at"));
    }
}
