package city.yingzao.portal.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the training service answers: the public certificate check, the map, sessions, enrolments and transcripts. */
public final class Training {

    private Training() {
    }

    /** The public check of a certificate: its standing (VALID, EXPIRED, SUSPENDED, REVOKED), holder's display name, scheme. */
    public record Verification(String code, String standing, String holderName, String scheme, String schemeName,
                               Instant validFrom, Instant validUntil) {

        public boolean valid() {
            return "VALID".equals(standing);
        }
    }

    public record StudyTour(String id, String title, String theme, List<String> communities) {
    }

    public record ProfilePage(List<Profile> items, long total, int page, int size) {

        public int totalPages() {
            return size <= 0 ? 1 : (int) Math.max(1, (total + size - 1) / size);
        }
    }

    public record Profile(String communityCode, String name, String districtCode, int stage, String specialities,
                          String pivotCategory, Double latitude, Double longitude) {
    }

    public record OpenSession(String id, String title) {
    }

    public record Meeting(String id, int seq, Instant startsAt, Instant endsAt) {
    }

    public record Session(String id, String courseCode, int courseVersion, String title, String place, int capacity,
                          String status, List<Meeting> meetings) {

        public boolean open() {
            return !"CLOSED".equals(status);
        }
    }

    /** A session with its enrolments and how many meetings each person attended (person id → count). */
    public record SessionView(Session session, List<Enrolment> enrolments, Map<String, Integer> attendance) {

        public int attended(String person) {
            return attendance == null ? 0 : attendance.getOrDefault(person, 0);
        }
    }

    public record Enrolment(String sessionId, String personId, String displayName, String state, Integer score, boolean completed) {
    }

    public record ShownCode(String code, Instant expiresAt) {
    }

    public record Transcript(List<Completion> completions, List<Certificate> certificates) {
    }

    public record Completion(String courseCode, int courseVersion, Instant completedAt) {
    }

    public record Certificate(String code, String holderName, String scheme, String standing, String status, Instant validFrom,
                              Instant validUntil) {
    }

    public record Progress(String sessionId, String courseCode, int scheduledMeetings, int attended, Integer score, boolean complete,
                           List<Rejection> missing) {
    }

    public record Rejection(String rule, String reason) {
    }

    public record CodeRequest(String code) {
    }

    public record AttendanceRequest(List<String> personIds) {
    }
}
