package city.yingzao.training.domain;

import java.util.List;

/**
 * T2: one version of a course. A new version keeps the code; a scheme may require a version on.
 *
 * @param audienceRoles realm roles the course is meant for (shown in the catalogue; enrolment is open to anyone signed in)
 */
public record Course(String code, int version, String institutionCode, String title, CourseKind kind, Delivery delivery,
                     int hours, String description, List<String> audienceRoles, CompletionRule completion) {

    public Course {
        audienceRoles = List.copyOf(audienceRoles == null ? List.of() : audienceRoles);
    }
}
