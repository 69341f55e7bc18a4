package city.yingzao.deliberation.application;

import city.yingzao.deliberation.application.Commands.CastBallot;
import city.yingzao.deliberation.application.Commands.IssueCredential;
import city.yingzao.deliberation.application.Views.BallotBoxView;
import city.yingzao.deliberation.application.Views.BallotReceipt;
import city.yingzao.deliberation.application.Views.CredentialView;
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
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The secret ballot 无记名投票 (D8) with RSA blind signatures. A present member takes one credential
 * (the box signs their blinded token); anyone holding an unblinded signature casts one ballot
 * without a login; closing the box reshuffles the ballots, destroys the private key and publishes
 * the tally and a receipt per ballot. The service records who took a credential, never which
 * ballot a credential became.
 */
@ApplicationScoped
@Transactional
public class BallotService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Meetings meetings;

    @Inject
    Access access;

    @Inject
    BallotStore store;

    /** A fresh key pair for the motion put to the vote. */
    BallotBoxView open(MotionEntity motion, int membership) {
        BallotKey key = BallotKey.generate(RANDOM);
        BallotBoxEntity box = new BallotBoxEntity();
        box.motionId = motion.id;
        box.modulus = key.modulus().toString();
        box.publicExponent = key.publicExponent().toString();
        box.privateExponent = key.privateExponent().orElseThrow().toString();
        box.status = "OPEN";
        box.persist();
        return view(box, membership, List.of());
    }

    // D8: one credential per present member per motion; the server signs blind
    public CredentialView issue(UUID motionId, IssueCredential command) {
        MotionEntity motion = meetings.motion(motionId);
        MeetingEntity meeting = meetings.locked(motion.meetingId);
        String person = meetings.requirePresentMember(meeting);
        BallotBoxEntity box = openBox(motion);
        meetings.requireQuorum(meeting);
        BallotKey key = key(box);
        if (!key.acceptsBlinded(command.blinded())) {
            throw Problems.invalid("blinded", "must be an integer between 2 and n - 1 of this ballot box");
        }
        if (!store.recordIssuance(motionId, person)) {
            throw Problems.conflict(person + " already holds a credential for this motion");
        }
        return new CredentialView(key.signBlinded(command.blinded()).toString());
    }

    // D8: cast without a login; the signature proves a credential, the token hash keeps it to one ballot
    public BallotReceipt cast(CastBallot command) {
        MotionEntity motion = MotionEntity.<MotionEntity>findByIdOptional(command.motionId())
                .orElseThrow(() -> Problems.notFound("motion", String.valueOf(command.motionId())));
        MeetingEntity meeting = meetings.locked(motion.meetingId);
        BallotBoxEntity box = openBox(motion);
        meetings.requireQuorum(meeting);
        if (!key(box).verifies(command.token(), command.signature())) {
            throw RuleViolation.of(new Rejection("D8", "the signature is not this ballot box's signature on the token"));
        }
        UUID ballotId = UUID.randomUUID();
        if (!store.cast(ballotId, motion.id, command.choice(), BallotKey.sha256Hex(command.token()))) {
            throw Problems.conflict("this credential has been used: one ballot per member");
        }
        return new BallotReceipt(ballotId, BallotKey.sha256Hex(ballotId.toString()));
    }

    /** D8: in one transaction, reshuffle the ballots, destroy the private key, count, publish the receipts. */
    Tally close(MotionEntity motion) {
        BallotBoxEntity box = BallotBoxEntity.<BallotBoxEntity>findByIdOptional(motion.id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> Problems.conflict("motion " + motion.id + " has no ballot box"));
        List<BallotStore.StoredBallot> ballots = store.reshuffle(motion.id);
        Tally tally = Tally.of(ballots.stream().map(BallotStore.StoredBallot::choice).toList(), store.issuedTo(motion.id).size());
        box.privateExponent = null;
        box.status = "CLOSED";
        box.yes = tally.yes();
        box.no = tally.no();
        box.abstain = tally.abstain();
        box.issued = tally.issued();
        box.uncast = tally.uncast();
        box.receipts = json(ballots.stream().map(b -> BallotKey.sha256Hex(b.ballotId().toString())).sorted().toList());
        return tally;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public BallotBoxView get(UUID motionId) {
        MotionEntity motion = meetings.motion(motionId);
        MeetingEntity meeting = meetings.find(motion.meetingId);
        access.requireReader(meeting.communityCode);
        BallotBoxEntity box = BallotBoxEntity.<BallotBoxEntity>findByIdOptional(motionId)
                .orElseThrow(() -> Problems.notFound("ballot box of motion", String.valueOf(motionId)));
        List<String> without = List.of();
        if ("CLOSED".equals(box.status)) {
            Set<String> members = new TreeSet<>(meetings.seated(meeting));
            members.removeAll(store.issuedTo(motionId));
            without = List.copyOf(members);
        }
        return view(box, motion.membership != null ? motion.membership : CouncilService.membership(meeting.councilId), without);
    }

    private BallotBoxEntity openBox(MotionEntity motion) {
        BallotBoxEntity box = BallotBoxEntity.<BallotBoxEntity>findByIdOptional(motion.id).orElse(null);
        if (box == null || motion.status != MotionStatus.VOTING || !"OPEN".equals(box.status)) {
            throw Problems.conflict("motion " + motion.id + " is not being voted on");
        }
        return box;
    }

    private static BallotKey key(BallotBoxEntity box) {
        return new BallotKey(new BigInteger(box.modulus), new BigInteger(box.publicExponent),
                Optional.ofNullable(box.privateExponent).map(BigInteger::new));
    }

    private static BallotBoxView view(BallotBoxEntity box, int membership, List<String> withoutCredential) {
        return new BallotBoxView(box.motionId, box.status, box.modulus, box.publicExponent, membership, box.yes, box.no,
                box.abstain, box.issued, box.uncast, box.receipts == null ? null : receipts(box.receipts), withoutCredential);
    }

    private static String json(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> receipts(String json) {
        try {
            return List.of(JSON.readValue(json, String[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
