package city.yingzao.training.domain;

/**
 * A course a scheme requires, from a version on: a scheme may demand the new version of a course (T2).
 *
 * @param courseCode the course
 * @param minVersion the least version whose completion counts
 */
public record CourseRequirement(String courseCode, int minVersion) {
}
