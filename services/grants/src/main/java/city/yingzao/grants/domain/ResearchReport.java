package city.yingzao.grants.domain;

import java.time.Instant;
import java.util.List;

/** A filed action-research report (G6). */
public record ResearchReport(String id, String projectId, String title, String period, String body, List<Attachment> attachments,
                     String filedBy, Instant filedAt, String reviewedBy, Instant reviewedAt, String reviewNote) {
}
