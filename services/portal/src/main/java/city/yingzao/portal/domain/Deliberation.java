package city.yingzao.portal.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What deliberation answers (D1-D13): councils and their seats, proposals with their co-signatures, meetings with
 * their agenda, attendance, quorum and floor, motions and their secret ballots, resolutions in publicity.
 */
public final class Deliberation {

    private Deliberation() {
    }

    public record Council(UUID id, String communityCode, String level, String unitCode, String name, boolean constituted,
                          Instant constitutedAt, int membership, List<Seat> seats) {
    }

    public record Seat(String personId, String groupCode, boolean cadre, LocalDate termStart, LocalDate termEnd) {
    }

    public record Proposal(UUID id, UUID councilId, String communityCode, String title, String body, String subjectType,
                           String subjectRef, String proposerKind, String filedBy, String status, int signatures,
                           int signaturesNeeded, List<String> signers, Instant filedAt, String reviewedBy, Instant reviewedAt,
                           String reviewReason) {

        public boolean collecting() {
            return "COLLECTING_SIGNATURES".equals(status);
        }

        public boolean awaitingReview() {
            return "AWAITING_REVIEW".equals(status);
        }

        /** D4: how far the co-signatures are towards the threshold, for the progress bar. */
        public int signaturePercent() {
            return Money.percent(signatures, signaturesNeeded);
        }

        /** Whether a person (their user name, compared, never shown) co-signed or filed it. */
        public boolean signedBy(String person) {
            return person != null && (person.equals(filedBy) || (signers != null && signers.contains(person)));
        }
    }

    public record Meeting(UUID id, UUID councilId, String communityCode, String title, Instant scheduledAt,
                          String chairPersonId, String status, int membership, int present, int quorumNeeded, boolean quorate,
                          List<Item> items, List<Attendee> attendance, Floor floor, Instant minutesPublishedAt) {

        public boolean open() {
            return "OPEN".equals(status) || "SCHEDULED".equals(status);
        }

        public boolean closed() {
            return "CLOSED".equals(status);
        }

        public boolean chairedBy(String person) {
            return person != null && person.equals(chairPersonId);
        }

        public boolean present(String person) {
            return attendance != null && attendance.stream().anyMatch(a -> a.present() && a.personId().equals(person));
        }

        public boolean waiting(String person) {
            return floor != null && floor.waiting() != null && floor.waiting().stream().anyMatch(w -> w.personId().equals(person));
        }

        public boolean speaking(String person) {
            return floor != null && person != null && person.equals(floor.speaker());
        }

        /** D6: how far the members present are towards the quorum, for the live bar. */
        public int quorumPercent() {
            return Money.percent(present, quorumNeeded);
        }

        public UUID question() {
            return floor == null ? null : floor.question();
        }

        public int waitingCount() {
            return floor == null || floor.waiting() == null ? 0 : floor.waiting().size();
        }
    }

    public record Item(UUID id, int position, UUID proposalId, String title, String subjectType, String subjectRef,
                       String status) {

        public boolean pending() {
            return "PENDING".equals(status);
        }

        public boolean open() {
            return "OPEN".equals(status);
        }
    }

    public record Attendee(String personId, boolean present, Instant signedInAt, String signedInBy, Instant leftAt) {
    }

    public record Floor(UUID openItem, UUID question, String speaker, String speakerSide, List<Waiting> waiting) {
    }

    public record Waiting(String personId, String side) {
    }

    public record Motion(UUID id, UUID meetingId, UUID itemId, UUID amends, String text, String movedBy, String status,
                         int yes, int no, int abstain, int membership, String resultReason, Instant decidedAt) {

        public boolean debate() {
            return "DEBATE".equals(status);
        }

        public boolean voting() {
            return "VOTING".equals(status);
        }

        public boolean decided() {
            return "PASSED".equals(status) || "FAILED".equals(status);
        }
    }

    /** D8: the ballot box of a motion; the public key and, once closed, the list of ballots anyone can recount. */
    public record BallotBox(UUID motionId, String status, String modulus, String publicExponent, String publicKeySpki,
                            String variant, int membership, int yes, int no, int abstain, int issued, int cast, int uncast,
                            List<String> receipts, List<PublicBallot> ballots, List<String> withoutCredential) {

        public boolean issuing() {
            return "ISSUING".equals(status);
        }

        public boolean casting() {
            return "CASTING".equals(status);
        }

        public boolean closed() {
            return "CLOSED".equals(status);
        }
    }

    public record PublicBallot(String receipt, String choice) {
    }

    public record Tally(UUID motionId, UUID meetingId, String motion, String result, String resultReason, int membership,
                        int yes, int no, int abstain, int issued, int cast, int uncast, List<PublicBallot> ballots) {

        /** The ballot with a receipt, if it was counted: how a member checks their own vote. */
        public PublicBallot withReceipt(String receipt) {
            if (receipt == null || ballots == null) {
                return null;
            }
            String r = receipt.trim();
            return ballots.stream().filter(b -> b.receipt().equalsIgnoreCase(r)).findFirst().orElse(null);
        }
    }

    public record Resolution(UUID id, UUID motionId, UUID councilId, String communityCode, String councilLevel,
                             String subjectType, String subjectRef, String title, int yes, int no, int abstain, int membership,
                             String status, Instant publishedAt, int publicityDays, Instant adoptAt, Instant adoptedAt,
                             List<Objection> objections) {

        public boolean inPublicity() {
            return "PUBLISHED".equals(status);
        }

        public int objectionCount() {
            return objections == null ? 0 : objections.size();
        }

        /** Objections with their answers, without who filed or answered them (public pages name no one). */
        public List<Objection> answered() {
            return objections == null ? List.of() : objections;
        }
    }

    public record Objection(UUID id, String text, Instant filedAt, String response, Instant respondedAt) {
    }

    public record Minutes(UUID meetingId, String text, Instant publishedAt) {
    }
}
