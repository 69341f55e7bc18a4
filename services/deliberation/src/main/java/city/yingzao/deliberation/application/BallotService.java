package city.yingzao.deliberation.application;

import city.yingzao.deliberation.infrastructure.BallotBoxRepository;
import city.yingzao.deliberation.infrastructure.MotionRepository;
import city.yingzao.deliberation.infrastructure.SeatRepository;
import city.yingzao.deliberation.application.Commands.CastBallot;
import city.yingzao.deliberation.application.Commands.IssueCredential;
import city.yingzao.deliberation.application.Views.BallotBoxView;
import city.yingzao.deliberation.application.Views.BallotReceipt;
import city.yingzao.deliberation.application.Views.CredentialView;
import city.yingzao.deliberation.application.Views.PublicBallot;
import city.yingzao.deliberation.application.Views.PublicTally;
import city.yingzao.deliberation.domain.BallotBoxState;
import city.yingzao.deliberation.domain.BallotKey;
import city.yingzao.deliberation.domain.MotionStatus;
import city.yingzao.deliberation.domain.Tally;
import city.yingzao.deliberation.infrastructure.BallotBoxEntity;
import city.yingzao.deliberation.infrastructure.BallotStore;
import city.yingzao.deliberation.infrastructure.MeetingEntity;
import city.yingzao.deliberation.infrastructure.MotionEntity;
import city.yingzao.kernel.problem.Problems;
import city.yingzao.kernel.problem.RuleViolation;
import city.yingzao.kernel.rules.Rejection;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The secret ballot 无记名投票 (D8) with RSA blind signatures (RFC 9474, RSABSSA-SHA384-PSS-Randomized),
 * in two phases. While the box is
 * {@code ISSUING}, each present member takes one credential (the box blind-signs their blinded message)
 * and nothing can be cast; the chair closes issuance, which destroys the private key, and the box
 * is {@code CASTING}: anyone holding an unblinded signature casts one ballot without a login, never
 * more ballots than credentials were issued. Closing the vote reshuffles the ballots and publishes
 * the tally and the list of ballots (receipt, choice). The private key is stored only sealed
 * (AES-256-GCM, {@link BallotKeys}). The service records who took a credential, never which ballot
 * a credential became, and since every issuance precedes every cast, no order links them either.
 */
@ApplicationScoped
@Transactional
public class BallotService {

    @Inject
    BallotBoxRepository ballotBoxRepository;

    @Inject
    MotionRepository motionRepository;

    @Inject
    SeatRepository seatRepository;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Meetings meetings;

    @Inject
    Access access;

    @Inject
    BallotStore store;

    @Inject
    BallotKeys keys;

    @Inject
    AuditLog audit;

    /** A fresh key pair for the motion put to the vote; the box starts issuing credentials. */
    BallotBoxView open(MotionEntity motion, MeetingEntity meeting) {
        BallotKey key = BallotKey.generate(RANDOM);
        BallotBoxEntity box = new BallotBoxEntity();
        box.motionId = motion.id;
        box.modulus = key.modulus().toString();
        box.publicExponent = key.publicExponent().toString();
        box.variant = BallotKey.VARIANT;
        // D8: the private key is in the database only sealed with the service's key
        box.privateKeySealed = keys.seal().seal(motion.id, key.privateExponent().orElseThrow());
        box.status = BallotBoxState.ISSUING;
        ballotBoxRepository.persist(box);
        return view(box, meeting, seatRepository.membership(meeting.councilId));
    }

    // D8: one credential per present member per motion, only while issuing; the server signs blind
    public CredentialView issue(UUID motionId, IssueCredential command) {
        MotionEntity motion = meetings.motion(motionId);
        MeetingEntity meeting = meetings.locked(motion.meetingId);
        String person = meetings.requirePresentMember(meeting);
        BallotBoxEntity box = votingBox(motion);
        Rules.enforce(box.status.mayIssue());
        requireCurrentProtocol(box);
        meetings.requireQuorum(meeting);
        BallotKey key = new BallotKey(new BigInteger(box.modulus), new BigInteger(box.publicExponent),
                Optional.of(keys.seal().open(motion.id, box.privateKeySealed)));
        // RFC 9474 §4.3: blinded_msg is modulus_len bytes and below n; checked before a credential is counted
        if (!key.acceptsBlinded(command.blindedMsg())) {
            throw Problems.invalid("blindedMsg", "must be " + key.modulusBytes() + " bytes encoding an integer below n of this ballot box");
        }
        if (!store.recordIssuance(motionId, person)) {
            throw Problems.conflict(person + " already holds a credential for this motion");
        }
        return new CredentialView(Base64.getUrlEncoder().withoutPadding().encodeToString(key.blindSign(command.blindedMsg())));
    }

    // D8: the chair ends the issuance phase (whether or not every present member took a credential); the key is destroyed, casting opens
    public BallotBoxView closeIssuance(UUID motionId) {
        MotionEntity motion = meetings.motion(motionId);
        MeetingEntity meeting = meetings.locked(motion.meetingId);
        meetings.requireChair(meeting);
        meetings.requireInSession(meeting);
        BallotBoxEntity box = votingBox(motion);
        Rules.enforce(box.status.mayCloseIssuance());
        meetings.requireQuorum(meeting);
        box.status = box.status.closeIssuance();
        box.privateKeySealed = null;
        box.issued = store.issuedTo(motionId).size();
        audit.record(meeting.communityCode, "ISSUANCE_CLOSED", "motion", motionId, box.issued + " credential(s) issued", meeting.id);
        return view(box, meeting, seatRepository.membership(meeting.councilId));
    }

    // D8: cast without a login, only while casting; the RSASSA-PSS signature on the prepared message proves a
    // credential, the token hash keeps it to one ballot, and never more ballots than credentials
    public BallotReceipt cast(CastBallot command) {
        MotionEntity motion = motionRepository.findByIdOptional(command.motionId())
                .orElseThrow(() -> Problems.notFound("motion", String.valueOf(command.motionId())));
        MeetingEntity meeting = meetings.locked(motion.meetingId);
        BallotBoxEntity box = votingBox(motion);
        Rules.enforce(box.status.mayCast());
        requireCurrentProtocol(box);
        meetings.requireQuorum(meeting);
        BallotKey key = new BallotKey(new BigInteger(box.modulus), new BigInteger(box.publicExponent), Optional.empty());
        if (!key.verifies(command.preparedMsg(), command.signature())) {
            throw RuleViolation.of(new Rejection("D8", "the signature is not this ballot box's " + BallotKey.VARIANT
                    + " signature on the prepared message"));
        }
        String tokenHash = BallotKey.tokenHash(command.preparedMsg());
        if (store.tokenUsed(tokenHash)) {
            throw Problems.conflict("this credential has been used: one ballot per member");
        }
        Rules.enforce(BallotBoxState.withinIssued(store.ballotsIn(motion.id), box.issued));
        UUID ballotId = UUID.randomUUID();
        if (!store.cast(ballotId, motion.id, command.choice(), tokenHash)) {
            throw Problems.conflict("this credential has been used: one ballot per member");
        }
        return new BallotReceipt(ballotId, BallotKey.sha256Hex(ballotId.toString()));
    }

    /** D8: in one transaction, reshuffle the ballots, count, publish the receipts and the list of ballots. */
    Tally close(MotionEntity motion) {
        BallotBoxEntity box = ballotBoxRepository.locked(motion.id)
                .orElseThrow(() -> Problems.conflict("motion " + motion.id + " has no ballot box"));
        Rules.enforce(box.status.mayClose());
        List<BallotStore.StoredBallot> ballots = store.reshuffle(motion.id);
        Tally tally = Tally.of(ballots.stream().map(BallotStore.StoredBallot::choice).toList(), box.issued);
        box.status = box.status.close();
        box.privateKeySealed = null;
        box.yes = tally.yes();
        box.no = tally.no();
        box.abstain = tally.abstain();
        box.uncast = tally.uncast();
        List<PublicBallot> published = ballots.stream()
                .map(b -> new PublicBallot(BallotKey.sha256Hex(b.ballotId().toString()), b.choice()))
                .sorted(Comparator.comparing(PublicBallot::receipt)).toList();
        box.receipts = json(published.stream().map(PublicBallot::receipt).toList());
        box.ballots = json(published);
        return tally;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public BallotBoxView get(UUID motionId) {
        MotionEntity motion = meetings.motion(motionId);
        MeetingEntity meeting = meetings.find(motion.meetingId);
        access.requireReader(meeting.communityCode);
        BallotBoxEntity box = ballotBoxRepository.findByIdOptional(motionId)
                .orElseThrow(() -> Problems.notFound("ballot box of motion", String.valueOf(motionId)));
        return view(box, meeting, motion.membership != null ? motion.membership : seatRepository.membership(meeting.councilId));
    }

    /** D8: the verifiable tally of a closed vote, for anyone. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PublicTally publicTally(UUID motionId) {
        MotionEntity motion = motionRepository.findByIdOptional(motionId).orElse(null);
        BallotBoxEntity box = motion == null ? null : ballotBoxRepository.findByIdOptional(motionId)
                .filter(b -> b.status == BallotBoxState.CLOSED).orElse(null);
        if (box == null) {
            throw Problems.notFound("closed ballot box of motion", String.valueOf(motionId));
        }
        List<PublicBallot> ballots = ballots(box);
        return new PublicTally(motion.id, motion.meetingId, motion.text, motion.status, motion.resultReason, motion.membership,
                box.yes, box.no, box.abstain, box.issued, box.yes + box.no + box.abstain, box.uncast, ballots);
    }

    /** D8: a box opened before RFC 9474 (V5) neither issues nor takes ballots: its credentials are of the retired protocol. */
    private static void requireCurrentProtocol(BallotBoxEntity box) {
        if (!BallotKey.VARIANT.equals(box.variant)) {
            throw Problems.conflict("this ballot box was opened under the retired " + box.variant + " protocol and takes no "
                    + "credential or ballot any more; the chair closes it (issuance, then the vote)");
        }
    }

    private BallotBoxEntity votingBox(MotionEntity motion) {
        BallotBoxEntity box = ballotBoxRepository.findByIdOptional(motion.id).orElse(null);
        if (box == null || motion.status != MotionStatus.VOTING) {
            throw Problems.conflict("motion " + motion.id + " is not being voted on");
        }
        return box;
    }

    private BallotBoxView view(BallotBoxEntity box, MeetingEntity meeting, int membership) {
        List<String> issuedTo = store.issuedTo(box.motionId);
        Set<String> without = new TreeSet<>(meetings.seated(meeting));
        issuedTo.forEach(without::remove);
        Integer cast = switch (box.status) {
            case ISSUING -> null;
            case CASTING -> (int) store.ballotsIn(box.motionId);
            case CLOSED -> box.yes + box.no + box.abstain;
        };
        int issued = box.issued != null ? box.issued : issuedTo.size();
        String spki = new BallotKey(new BigInteger(box.modulus), new BigInteger(box.publicExponent), Optional.empty()).publicKeySpki();
        return new BallotBoxView(box.motionId, box.status, box.variant, spki, membership, box.yes, box.no,
                box.abstain, issued, cast, box.uncast, box.receipts == null ? null : List.of(read(box.receipts, String[].class)),
                box.status == BallotBoxState.CLOSED ? ballots(box) : null, List.copyOf(without));
    }

    private static List<PublicBallot> ballots(BallotBoxEntity box) {
        return box.ballots == null ? List.of() : List.of(read(box.ballots, PublicBallot[].class));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
