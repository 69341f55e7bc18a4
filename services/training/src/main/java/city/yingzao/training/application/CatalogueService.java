package city.yingzao.training.application;

import city.yingzao.kernel.problem.Problems;
import city.yingzao.kernel.problem.RuleViolation;
import city.yingzao.kernel.rules.Rejection;
import city.yingzao.training.domain.CertificationScheme;
import city.yingzao.training.domain.CompletionRule;
import city.yingzao.training.domain.Course;
import city.yingzao.training.domain.CourseKind;
import city.yingzao.training.domain.Delivery;
import city.yingzao.training.domain.Institution;
import city.yingzao.training.domain.InstitutionKind;
import city.yingzao.training.infrastructure.CatalogueStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;

/** T1, T2: institutions and the course catalogue, managed by trainers and the city operator; public to read. */
@ApplicationScoped
public class CatalogueService {

    @Inject
    CatalogueStore catalogue;

    @Inject
    Access access;

    @Inject
    Clock clock;

    /** What a new course or version says. */
    public record CourseDraft(String institutionCode, String title, String kind, String delivery, int hours, String description,
                              List<String> audienceRoles, List<String> prerequisites, double minAttendanceShare, Integer passScore) {
    }

    @Transactional
    public List<Institution> institutions() {
        return catalogue.institutions();
    }

    @Transactional
    public Institution addInstitution(String code, String name, String kind) {
        Institution i = new Institution(code, name, Enums.parse(InstitutionKind.class, "kind", kind));
        if (!catalogue.insertInstitution(i)) {
            throw Problems.alreadyExists("institution", code);
        }
        return i;
    }

    @Transactional
    public List<Course> courses() {
        return catalogue.latestCourses();
    }

    @Transactional
    public List<Course> versions(String code) {
        List<Course> versions = catalogue.versions(code);
        if (versions.isEmpty()) {
            throw Problems.notFound("course", code);
        }
        return versions;
    }

    @Transactional
    public Course addCourse(String code, CourseDraft d) {
        if (catalogue.latest(code).isPresent()) {
            throw Problems.alreadyExists("course", code);
        }
        Course c = course(code, 1, d);
        if (!catalogue.insertCourse(c, access.who(), clock.instant())) {
            throw Problems.alreadyExists("course", code);
        }
        return c;
    }

    /** T2: a new version of a course; sessions and completions of the earlier versions stay as they were. */
    @Transactional
    public Course addVersion(String code, CourseDraft d) {
        Course latest = catalogue.latest(code).orElseThrow(() -> Problems.notFound("course", code));
        Course c = course(code, latest.version() + 1, d);
        if (!catalogue.insertCourse(c, access.who(), clock.instant())) {
            throw Problems.conflict("course " + code + " got a new version meanwhile");
        }
        return c;
    }

    @Transactional
    public List<CertificationScheme> schemes() {
        return catalogue.schemes();
    }

    private Course course(String code, int version, CourseDraft d) {
        if (catalogue.institution(d.institutionCode()).isEmpty()) {
            throw Problems.invalid("institutionCode", "no institution " + d.institutionCode());
        }
        for (String p : d.prerequisites() == null ? List.<String>of() : d.prerequisites()) {
            if (p.equals(code)) {
                throw RuleViolation.of(new Rejection("T2", "a course is not its own prerequisite"));
            }
            if (catalogue.latest(p).isEmpty()) {
                throw RuleViolation.of(new Rejection("T2", "prerequisite course " + p + " does not exist"));
            }
        }
        return new Course(code, version, d.institutionCode(), d.title(), Enums.parse(CourseKind.class, "kind", d.kind()),
                Enums.parse(Delivery.class, "delivery", d.delivery()), d.hours(), d.description(), d.audienceRoles(),
                new CompletionRule(d.minAttendanceShare(), d.passScore(), d.prerequisites()));
    }
}
