package city.yingzao.training.domain;

import city.yingzao.kernel.rules.Rejection;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * T3: what completing a course takes: a share of ALL its scheduled meetings attended (a meeting not
 * yet held counts as missed, so a learner cannot complete by attending the first two of ten), an
 * assessment score at or above the pass mark when the course has one, and its prerequisite courses
 * completed before.
 *
 * @param minAttendanceShare share of scheduled meetings to attend, 0..1
 * @param passScore          the assessment's pass mark (0-100), or null when the course has no assessment
 * @param prerequisites      course codes to have completed first
 */
public record CompletionRule(double minAttendanceShare, Integer passScore, List<String> prerequisites) {

    public CompletionRule {
        if (minAttendanceShare < 0 || minAttendanceShare > 1 || Double.isNaN(minAttendanceShare)) {
            throw new IllegalArgumentException("attendance share must be within 0..1");
        }
        if (passScore != null && (passScore < 0 || passScore > 100)) {
            throw new IllegalArgumentException("pass score must be within 0..100");
        }
        prerequisites = List.copyOf(prerequisites == null ? List.of() : prerequisites);
    }

    /**
     * @param scheduledMeetings every meeting the session schedules (held or not)
     * @param attended          meetings the learner attended
     * @param score             the learner's assessment score, or null when none was recorded
     * @param completedCourses  course codes the learner completed before
     * @return every reason the learner has not completed; empty when they have
     */
    public List<Rejection> check(int scheduledMeetings, int attended, Integer score, Set<String> completedCourses) {
        List<Rejection> rejections = new ArrayList<>();
        if (scheduledMeetings <= 0) {
            rejections.add(new Rejection("T3", "the session schedules no meetings"));
        } else if (attended < Math.ceil(minAttendanceShare * scheduledMeetings - 1e-9)) {
            rejections.add(new Rejection("T3", "attended " + attended + " of " + scheduledMeetings
                    + " scheduled meetings, " + (int) Math.ceil(minAttendanceShare * scheduledMeetings - 1e-9) + " needed"));
        }
        if (passScore != null) {
            if (score == null) {
                rejections.add(new Rejection("T3", "no assessment score recorded"));
            } else if (score < passScore) {
                rejections.add(new Rejection("T3", "assessment score " + score + " below the pass mark " + passScore));
            }
        }
        for (String prerequisite : prerequisites) {
            if (!completedCourses.contains(prerequisite)) {
                rejections.add(new Rejection("T2", "prerequisite course " + prerequisite + " not completed"));
            }
        }
        return rejections;
    }
}
