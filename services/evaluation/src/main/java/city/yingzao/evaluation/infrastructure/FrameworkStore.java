package city.yingzao.evaluation.infrastructure;

import city.yingzao.evaluation.domain.Framework;
import city.yingzao.kernel.persistence.Jdbc;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Framework versions (E1), each kept whole as one JSON document; read often, so cached once loaded. */
@ApplicationScoped
public class FrameworkStore {

    public static final String PROVISIONAL = "provisional-2016-v1";
    public static final String PROVISIONAL_RESOURCE = "/frameworks/provisional-2016-v1.json";

    @Inject
    Jdbc jdbc;

    @Inject
    ObjectMapper json;

    /** Used versions never change, so they may be cached; unused ones may still be replaced. */
    private final Map<String, Framework> used = new ConcurrentHashMap<>();

    /** A version as listed: no indicators. */
    public record Summary(String version, String title, boolean provisional, int domains, int indicators, Instant importedAt,
                          String importedBy, Instant usedAt) {
    }

    public Framework provisionalFromResource() {
        try (InputStream in = FrameworkStore.class.getResourceAsStream(PROVISIONAL_RESOURCE)) {
            return json.readValue(in, Framework.class);
        } catch (IOException e) {
            throw new IllegalStateException("the provisional framework resource cannot be read", e);
        }
    }

    /** Inserts the version unless it exists; true when inserted. */
    public boolean insertIfAbsent(Framework f, String by, Instant at) {
        return jdbc.update("""
                insert into framework (version, title, provisional, body, imported_by, imported_at)
                values (?, ?, ?, ?, ?, ?) on conflict (version) do nothing""",
                f.version(), f.title(), f.provisional(), jsonb(f), by, at) == 1;
    }

    /** Replaces an unused version; false when it was used meanwhile (or is gone). */
    public boolean replaceUnused(Framework f, String by, Instant at) {
        return jdbc.update("""
                update framework set title = ?, provisional = ?, body = ?, imported_by = ?, imported_at = ?
                where version = ? and used_at is null""",
                f.title(), f.provisional(), jsonb(f), by, at, f.version()) == 1;
    }

    public Optional<Summary> summary(String version) {
        return jdbc.one("select * from framework where version = ?", this::summary, version);
    }

    public List<Summary> all() {
        return jdbc.list("select * from framework order by imported_at desc, version", this::summary);
    }

    /** The newest imported version: what an evaluation uses when its project names none known here. */
    public Optional<String> current() {
        return jdbc.one("select version from framework order by imported_at desc, version desc limit 1", rs -> rs.getString(1));
    }

    public Optional<Framework> find(String version) {
        Framework cached = used.get(version);
        if (cached != null) {
            return Optional.of(cached);
        }
        return jdbc.one("select body, used_at from framework where version = ?", rs -> {
            Framework f = read(rs.getString("body"));
            if (rs.getObject("used_at") != null) {
                used.put(version, f);
            }
            return f;
        }, version);
    }

    /** Marks the version used (E1: immutable from now on); locks the row so a concurrent replace waits. */
    public void markUsed(String version, Instant at) {
        jdbc.update("update framework set used_at = coalesce(used_at, ?) where version = ?", at, version);
    }

    private Summary summary(java.sql.ResultSet rs) throws java.sql.SQLException {
        Framework f = read(rs.getString("body"));
        return new Summary(rs.getString("version"), rs.getString("title"), rs.getBoolean("provisional"), f.domains().size(),
                f.indicatorCount(), Jdbc.instant(rs, "imported_at"), rs.getString("imported_by"), Jdbc.instant(rs, "used_at"));
    }

    private Framework read(String body) {
        try {
            return json.readValue(body, Framework.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored framework cannot be read", e);
        }
    }

    private org.postgresql.util.PGobject jsonb(Object value) {
        try {
            org.postgresql.util.PGobject o = new org.postgresql.util.PGobject();
            o.setType("jsonb");
            o.setValue(json.writeValueAsString(value));
            return o;
        } catch (JsonProcessingException | java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** For other stores: a value as a jsonb parameter. */
    public org.postgresql.util.PGobject toJsonb(Object value) {
        return jsonb(value);
    }
}
