package city.yingzao.training.infrastructure;

import city.yingzao.kernel.persistence.Jdbc;
import city.yingzao.training.domain.CertificationScheme;
import city.yingzao.training.domain.CompletionRule;
import city.yingzao.training.domain.Course;
import city.yingzao.training.domain.CourseKind;
import city.yingzao.training.domain.CourseRequirement;
import city.yingzao.training.domain.Delivery;
import city.yingzao.training.domain.Institution;
import city.yingzao.training.domain.InstitutionKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Institutions, course versions and certification schemes. */
@ApplicationScoped
public class CatalogueStore {

    @Inject
    Jdbc jdbc;

    public List<Institution> institutions() {
        return jdbc.list("select * from institution order by code", CatalogueStore::institution);
    }

    public Optional<Institution> institution(String code) {
        return jdbc.one("select * from institution where code = ?", CatalogueStore::institution, code);
    }

    public boolean insertInstitution(Institution i) {
        return jdbc.update("insert into institution (code, name, kind) values (?, ?, ?) on conflict do nothing",
                i.code(), i.name(), i.kind()) == 1;
    }

    /** The latest version of every course. */
    public List<Course> latestCourses() {
        return jdbc.list("select distinct on (code) * from course order by code, version desc", CatalogueStore::course);
    }

    public List<Course> versions(String code) {
        return jdbc.list("select * from course where code = ? order by version", CatalogueStore::course, code);
    }

    public Optional<Course> latest(String code) {
        return jdbc.one("select * from course where code = ? order by version desc limit 1", CatalogueStore::course, code);
    }

    public Optional<Course> course(String code, int version) {
        return jdbc.one("select * from course where code = ? and version = ?", CatalogueStore::course, code, version);
    }

    public boolean insertCourse(Course c, String by, Instant at) {
        return jdbc.update("""
                insert into course (code, version, institution_code, title, kind, delivery, hours, description, audience_roles,
                                    prerequisites, min_attendance_share, pass_score, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                c.code(), c.version(), c.institutionCode(), c.title(), c.kind(), c.delivery(), c.hours(), c.description(),
                c.audienceRoles(), c.completion().prerequisites(), c.completion().minAttendanceShare(), c.completion().passScore(),
                by, at) == 1;
    }

    public List<CertificationScheme> schemes() {
        return jdbc.list("select * from scheme order by code", this::scheme);
    }

    public Optional<CertificationScheme> scheme(String code) {
        return jdbc.one("select * from scheme where code = ?", this::scheme, code);
    }

    /** Schemes whose requirements or refresher name the course. */
    public List<CertificationScheme> schemesUsing(String courseCode) {
        return jdbc.list("""
                select * from scheme s where s.refresher_course = ?
                   or exists (select 1 from scheme_course sc where sc.scheme_code = s.code and sc.course_code = ?)
                order by code""", this::scheme, courseCode, courseCode);
    }

    private CertificationScheme scheme(ResultSet rs) throws SQLException {
        String code = rs.getString("code");
        List<CourseRequirement> required = jdbc.list("select * from scheme_course where scheme_code = ? order by course_code",
                r -> new CourseRequirement(r.getString("course_code"), r.getInt("min_version")), code);
        return new CertificationScheme(code, rs.getString("name"), required, rs.getString("refresher_course"));
    }

    static Institution institution(ResultSet rs) throws SQLException {
        return new Institution(rs.getString("code"), rs.getString("name"), InstitutionKind.valueOf(rs.getString("kind")));
    }

    static Course course(ResultSet rs) throws SQLException {
        return new Course(rs.getString("code"), rs.getInt("version"), rs.getString("institution_code"), rs.getString("title"),
                CourseKind.valueOf(rs.getString("kind")), Delivery.valueOf(rs.getString("delivery")), rs.getInt("hours"),
                rs.getString("description"), Jdbc.strings(rs, "audience_roles"),
                new CompletionRule(rs.getDouble("min_attendance_share"), Jdbc.integer(rs, "pass_score"), Jdbc.strings(rs, "prerequisites")));
    }
}
