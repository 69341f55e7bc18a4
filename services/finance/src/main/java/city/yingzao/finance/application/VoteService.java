package city.yingzao.finance.application;

import city.yingzao.finance.domain.BallotChannel;
import city.yingzao.finance.domain.Community;
import city.yingzao.finance.domain.OneHouseholdOneVote;
import city.yingzao.finance.domain.Project;
import city.yingzao.finance.domain.ProjectStep;
import city.yingzao.finance.domain.VoteRound;
import city.yingzao.finance.infrastructure.ProjectStore;
import city.yingzao.finance.infrastructure.VoteStore;
import city.yingzao.finance.infrastructure.VoteStore.PendingBallot;
import city.yingzao.kernel.problem.ProblemException;
import city.yingzao.kernel.problem.Problems;
import city.yingzao.kernel.problem.RuleViolation;
import city.yingzao.kernel.rules.Rejection;
import city.yingzao.kernel.security.Caller;
import city.yingzao.kernel.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Household vote rounds 一户一票 (F7): the community's staff open a round over projects at step 1
 * and close it; residents vote online for their own household, staff enter paper ballots; the
 * tally is live. Ballots go through the {@link VoteIntake}'s group commit.
 */
@ApplicationScoped
public class VoteService {

    @Inject
    VoteStore votes;

    @Inject
    ProjectStore projects;

    @Inject
    Communities communities;

    @Inject
    Access access;

    @Inject
    Caller caller;

    @Inject
    VoteIntake intake;

    @Inject
    VoteConfig config;

    /** A round with its live tally and turnout; the same for staff and public (no household is named). */
    public record RoundView(String id, String communityCode, String title, String status, Instant closesAt, long ballots, long onlineBallots,
                            long paperBallots, Instant openedAt, Instant closedAt, Turnout turnout, List<TallyLine> tally) {
    }

    /**
     * F7 turnout: ballots counted (voided excluded) against the community's registered (active)
     * households in the registry replica, now for an open round, as at its closing for a closed one
     * ({@code frozen}); {@code percent} to one decimal, null when the community lists no household.
     */
    public record Turnout(long registeredHouseholds, long ballots, Double percent, boolean frozen) {
        static Turnout of(VoteRound r, long liveRegistered) {
            long registered = r.registeredHouseholds() != null ? r.registeredHouseholds() : liveRegistered;
            return new Turnout(registered, r.ballots(), OneHouseholdOneVote.turnoutPercent(r.ballots(), registered),
                    r.registeredHouseholds() != null);
        }
    }

    public record TallyLine(String projectId, String title, long approvals) {
    }

    @Transactional
    public RoundView open(String communityCode, String title, List<String> projectIds, Instant closesAt) {
        Community community = communities.require(communityCode);
        access.requireStaffOf(community);
        if (projectIds == null || projectIds.isEmpty()) {
            throw Problems.invalid("projectIds", "a round needs at least one candidate project");
        }
        if (new HashSet<>(projectIds).size() != projectIds.size()) {
            throw Problems.invalid("projectIds", "a project is listed twice");
        }
        projectIds.forEach(id -> uuid("projectIds", id));
        List<Project> found = projects.byIds(projectIds);
        for (String id : projectIds) {
            Project p = found.stream().filter(f -> f.id().equals(id)).findFirst()
                    .orElseThrow(() -> Problems.invalid("projectIds", "project " + id + " does not exist"));
            if (!p.communityCode().equals(community.code())) {
                throw Problems.invalid("projectIds", "project " + id + " belongs to community " + p.communityCode());
            }
            if (p.step() != ProjectStep.PUBLICITY_AND_MOBILISATION) {
                throw new RuleViolation(List.of(new Rejection("F6", "project " + id + " is at step " + p.step().label()
                        + "; households vote on projects at step " + ProjectStep.PUBLICITY_AND_MOBILISATION.label())));
            }
        }
        VoteRound round = new VoteRound(UUID.randomUUID().toString(), community.code(),
                title == null || title.isBlank() ? "household vote" : title.trim(), projectIds, VoteRound.Status.OPEN, 0, 0, 0,
                Instant.now(), null, closesAt, null);
        if (closesAt != null && !closesAt.isAfter(round.openedAt())) {
            throw Problems.invalid("closesAt", "the deadline " + closesAt + " has already passed");
        }
        votes.open(round, access.who());
        return view(round.id());
    }

    @Transactional
    public RoundView close(String communityCode, String roundId) {
        Community community = communities.require(communityCode);
        access.requireStaffOf(community);
        VoteRound round = votes.find(uuid("roundId", roundId), true).filter(r -> r.communityCode().equals(community.code()))
                .orElseThrow(() -> Problems.notFound("vote round", roundId));
        if (round.status() == VoteRound.Status.CLOSED) {
            throw Problems.conflict("vote round " + roundId + " is already closed");
        }
        votes.close(round.id(), Instant.now());
        return view(round.id());
    }

    @Transactional
    public RoundView find(String communityCode, String roundId) {
        communities.require(communityCode);
        return votes.find(uuid("roundId", roundId), false).filter(r -> r.communityCode().equals(communityCode))
                .map(r -> view(r.id())).orElseThrow(() -> Problems.notFound("vote round", roundId));
    }

    @Transactional
    public List<RoundView> ofCommunity(String communityCode) {
        communities.require(communityCode);
        // two queries for the whole list: the rounds, then every tally with its candidates' titles
        var tallies = votes.talliesOfCommunity(communityCode);
        long registered = votes.activeHouseholds(communityCode);
        return votes.ofCommunity(communityCode).stream().map(r -> new RoundView(r.id(), r.communityCode(), r.title(),
                r.status().name(), r.closesAt(), r.ballots(), r.onlineBallots(), r.paperBallots(), r.openedAt(), r.closedAt(),
                Turnout.of(r, registered), tallies.getOrDefault(r.id(), List.of()).stream()
                        .map(t -> new TallyLine(t.projectId(), t.title(), t.approvals())).toList())).toList();
    }

    /** Online: the resident's own household, from the token. Does not block: answered after the batch commits. */
    public CompletionStage<VoteIntake.Receipt> castOnline(String communityCode, String roundId, List<String> approvals) {
        String household = access.requireOwnHousehold(communityCode);
        return intake.submit(ballot(communityCode, roundId, household, BallotChannel.ONLINE, approvals, null));
    }

    /**
     * Paper: staff of the community enter the household code written on the ballot and the number of
     * the paper sheet it was read from; the caller is recorded as who entered it. Does not block.
     */
    public CompletionStage<VoteIntake.Receipt> castPaper(String communityCode, String roundId, String householdCode, String sheet,
            List<String> approvals) {
        requirePaperClerk(communityCode);
        return intake.submit(paperBallot(communityCode, roundId, householdCode, sheet, approvals));
    }

    /**
     * A stack of paper ballots entered after a paper count: each goes through the same checks and the
     * same intake as {@link #castPaper}, and each gets its own answer, so one bad line (a household
     * that already voted, a moved-out household) does not sink the stack. At most
     * {@code yingzao.finance.votes.batch-max} ballots; a larger stack is refused whole. Does not block.
     */
    public CompletionStage<PaperStackResult> castPaperStack(String communityCode, String roundId, List<PaperLine> lines) {
        requirePaperClerk(communityCode);
        if (lines.size() > config.batchMax()) {
            throw Problems.invalid("ballots", "at most " + config.batchMax() + " ballots per request; this one has " + lines.size());
        }
        uuid("roundId", roundId);
        List<CompletableFuture<PaperLineResult>> answers = new ArrayList<>(lines.size());
        List<PendingBallot> pending = new ArrayList<>(lines.size());
        List<Integer> pendingLines = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            PaperLine line = lines.get(i);
            answers.add(null);
            try {
                pending.add(paperBallot(communityCode, roundId, line.householdCode(), line.sheet(), line.approvals()));
                pendingLines.add(i);
            } catch (ProblemException refused) {
                answers.set(i, CompletableFuture.completedFuture(PaperLineResult.refused(i, line.householdCode(), refused)));
            }
        }
        List<CompletionStage<VoteIntake.Receipt>> receipts = intake.submitAll(pending);
        for (int k = 0; k < receipts.size(); k++) {
            int index = pendingLines.get(k);
            String household = lines.get(index).householdCode();
            answers.set(index, receipts.get(k).toCompletableFuture().handle((receipt, failure) -> failure == null
                    ? PaperLineResult.accepted(index, household, receipt.recordedAt())
                    : PaperLineResult.refused(index, household, failure)));
        }
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                .thenApply(all -> PaperStackResult.of(answers.stream().map(CompletableFuture::join).toList()));
    }

    /** One line of a stack of paper ballots: its household, its sheet (or the stack's number), its approvals. */
    public record PaperLine(String householdCode, String sheet, List<String> approvals) {
    }

    private void requirePaperClerk(String communityCode) {
        caller.require(caller.has(Roles.COMMUNITY_STAFF) && caller.inCommunity(communityCode), "community " + communityCode);
    }

    private PendingBallot paperBallot(String communityCode, String roundId, String householdCode, String sheet,
            List<String> approvals) {
        if (householdCode == null || householdCode.isBlank()) {
            throw Problems.invalid("householdCode", "name the household written on the paper ballot");
        }
        if (sheet == null || sheet.isBlank()) {
            throw Problems.invalid("sheet", "name the paper sheet or stack number the ballot was read from");
        }
        return ballot(communityCode, roundId, householdCode.trim(), BallotChannel.PAPER, approvals, sheet.trim());
    }

    private PendingBallot ballot(String communityCode, String roundId, String household, BallotChannel channel,
            List<String> approvals, String sheet) {
        List<String> approved = approvals == null ? List.of() : approvals;
        approved.forEach(id -> uuid("approvals", id));
        if (new HashSet<>(approved).size() != approved.size()) {
            throw RuleViolation.of(OneHouseholdOneVote.checkApprovals(approved, approved).orElseThrow());
        }
        return new PendingBallot(uuid("roundId", roundId), communityCode, household, channel, approved, access.who(), sheet);
    }

    private RoundView view(String roundId) {
        VoteRound r = votes.find(roundId, false).orElseThrow();
        Map<String, Long> tally = votes.tally(roundId);
        Map<String, String> titles = new HashMap<>();
        projects.byIds(r.candidates()).forEach(p -> titles.put(p.id(), p.title()));
        return new RoundView(r.id(), r.communityCode(), r.title(), r.status().name(), r.closesAt(), r.ballots(), r.onlineBallots(),
                r.paperBallots(), r.openedAt(), r.closedAt(), Turnout.of(r, r.registeredHouseholds() != null ? 0
                        : votes.activeHouseholds(r.communityCode())),
                tally.entrySet().stream().map(e -> new TallyLine(e.getKey(), titles.get(e.getKey()), e.getValue())).toList());
    }

    /** A paper entry voided (F7): the household may be entered again. */
    public record VoidedView(String roundId, String householdCode, String sheet, Instant recordedAt, String enteredBy,
                             String voidedBy, Instant voidedAt, String reason) {
    }

    /**
     * F7: staff of the community void a paper entry made in error, with a reason, while the round is
     * open; never the person who entered it. The entry is kept (who, when, why) and leaves the tallies;
     * the household may then be entered again.
     */
    @Transactional
    public VoidedView voidPaper(String communityCode, String roundId, String householdCode, String reason) {
        Community community = communities.require(communityCode);
        access.requireStaffOf(community);
        if (reason == null || reason.isBlank()) {
            throw Problems.invalid("reason", "say why the entry is voided");
        }
        // the round's row lock first (as a close does), then the ballot's: a batch in flight finishes first
        VoteRound round = votes.find(uuid("roundId", roundId), true).filter(r -> r.communityCode().equals(community.code()))
                .orElseThrow(() -> Problems.notFound("vote round", roundId));
        if (!round.takesBallotsAt(Instant.now())) {
            throw Problems.conflict("vote round " + roundId + " is closed; an entry is voided only while its round is open");
        }
        var ballot = votes.ballotOf(round.id(), householdCode, true)
                .orElseThrow(() -> Problems.notFound("ballot", "of household " + householdCode + " in round " + roundId));
        String who = access.who();
        OneHouseholdOneVote.checkVoid(householdCode, ballot.channel(), ballot.recordedBy(), who).ifPresent(r -> {
            throw RuleViolation.of(r);
        });
        var voided = votes.voidBallot(ballot, UUID.randomUUID().toString(), who,
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS), reason.trim());
        return new VoidedView(voided.roundId(), voided.householdCode(), voided.sheet(), voided.recordedAt(), voided.recordedBy(),
                voided.voidedBy(), voided.voidedAt(), voided.reason());
    }

    /** The round's paper entries for its staff: sheet, household, time, who entered it, voided or not; no choices. */
    public record PaperEntries(String roundId, long total, int offset, List<PaperEntry> items) {
    }

    /** One paper entry: recorded, or voided (then by whom, when, why). */
    public record PaperEntry(String householdCode, String sheet, Instant recordedAt, String enteredBy, boolean voided,
                             String voidedBy, Instant voidedAt, String voidReason) {
    }

    @Transactional
    public PaperEntries paperEntries(String communityCode, String roundId, Integer offset, Integer size) {
        Community community = communities.require(communityCode);
        access.requireStaffOf(community);
        int from = offset == null ? 0 : offset;
        int limit = size == null ? 200 : size;
        if (from < 0) {
            throw Problems.invalid("offset", "must be 0 or more, not " + from);
        }
        if (limit < 1 || limit > 1000) {
            throw Problems.invalid("size", "must be 1 to 1000, not " + limit);
        }
        VoteRound round = votes.find(uuid("roundId", roundId), false).filter(r -> r.communityCode().equals(community.code()))
                .orElseThrow(() -> Problems.notFound("vote round", roundId));
        return new PaperEntries(round.id(), votes.paperEntryCount(round.id()), from, votes.paperEntries(round.id(), from, limit)
                .stream().map(e -> new PaperEntry(e.householdCode(), e.sheet(), e.recordedAt(), e.enteredBy(), e.voided(), e.voidedBy(),
                        e.voidedAt(), e.voidReason())).toList());
    }

    /**
     * What the household sees of its own ballot in a round: {@code RECORDED} (channel, time, sheet
     * for paper, its own approvals), {@code VOIDED} (its entry was voided and nothing is recorded now)
     * or {@code NOT_RECORDED}; voided entries with their reason. Never another household's choices.
     */
    public record HouseholdBallot(String roundId, String householdCode, String status, String channel, Instant recordedAt,
                                  String sheet, List<String> approvals, List<VoidedEntry> voided) {
    }

    /** A voided entry as the household sees it: no staff names. */
    public record VoidedEntry(String channel, String sheet, Instant recordedAt, Instant voidedAt, String reason) {
    }

    @Transactional
    public HouseholdBallot householdBallot(String communityCode, String roundId) {
        String household = access.requireOwnHousehold(communityCode);
        communities.require(communityCode);
        VoteRound round = votes.find(uuid("roundId", roundId), false).filter(r -> r.communityCode().equals(communityCode))
                .orElseThrow(() -> Problems.notFound("vote round", roundId));
        var recorded = votes.ballotOf(round.id(), household, false);
        List<VoidedEntry> voided = votes.voidedOf(round.id(), household).stream()
                .map(v -> new VoidedEntry(v.channel().name(), v.sheet(), v.recordedAt(), v.voidedAt(), v.reason())).toList();
        if (recorded.isPresent()) {
            var b = recorded.get();
            return new HouseholdBallot(round.id(), household, "RECORDED", b.channel().name(), b.recordedAt(), b.sheet(),
                    b.approvals(), voided);
        }
        return new HouseholdBallot(round.id(), household, voided.isEmpty() ? "NOT_RECORDED" : "VOIDED", null, null, null, null,
                voided);
    }

    static String uuid(String field, String value) {
        try {
            return UUID.fromString(value == null ? "" : value.trim()).toString();
        } catch (IllegalArgumentException e) {
            throw Problems.invalid(field, "\"" + value + "\" is not an id");
        }
    }
}
