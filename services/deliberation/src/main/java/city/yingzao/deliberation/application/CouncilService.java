package city.yingzao.deliberation.application;

import city.yingzao.deliberation.infrastructure.CouncilRepository;
import city.yingzao.deliberation.infrastructure.ElectionRepository;
import city.yingzao.deliberation.infrastructure.ElectionCandidateRepository;
import city.yingzao.deliberation.infrastructure.SeatRepository;
import city.yingzao.deliberation.application.Commands.CreateCouncil;
import city.yingzao.deliberation.application.Commands.RecordElection;
import city.yingzao.deliberation.application.Views.CandidateView;
import city.yingzao.deliberation.application.Views.CouncilView;
import city.yingzao.deliberation.application.Views.ElectionView;
import city.yingzao.deliberation.application.Views.SeatView;
import city.yingzao.deliberation.domain.CouncilComposition;
import city.yingzao.deliberation.domain.CouncilLevel;
import city.yingzao.deliberation.domain.Election;
import city.yingzao.deliberation.domain.Seat;
import city.yingzao.deliberation.infrastructure.CouncilEntity;
import city.yingzao.deliberation.infrastructure.ElectionCandidateEntity;
import city.yingzao.deliberation.infrastructure.ElectionEntity;
import city.yingzao.replica.application.RegistryReplica;
import city.yingzao.deliberation.infrastructure.SeatEntity;
import city.yingzao.kernel.problem.Problems;
import city.yingzao.kernel.problem.RuleViolation;
import city.yingzao.kernel.rules.Rejection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Councils 议事会 (D1-D3, D11): created for a community, resident group or courtyard known from the
 * registry, filled by recorded elections, constituted when D1, D2 and D3 hold. Once constituted, a
 * seat change that would break them is refused: record the by-election first, then vacate.
 */
@ApplicationScoped
@Transactional
public class CouncilService {

    @Inject
    CouncilRepository councilRepository;

    @Inject
    ElectionRepository electionRepository;

    @Inject
    ElectionCandidateRepository electionCandidateRepository;

    @Inject
    SeatRepository seatRepository;

    @Inject
    RegistryReplica registry;

    @Inject
    DeliberationSettings settings;

    @Inject
    Access access;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    public CouncilView create(CreateCouncil command) {
        String community = command.communityCode();
        if (!registry.communityKnown(community)) {
            throw RuleViolation.of(new Rejection("P1", "community " + community + " is not known from the registry"));
        }
        access.requireStaff(community);
        String unit = switch (command.level()) {
            case COMMUNITY -> community;
            case GROUP -> requireUnit(command.unitCode(), "resident group", registry.groupKnown(community, command.unitCode()), community);
            case COURTYARD -> requireUnit(command.unitCode(), "courtyard", registry.courtyardKnown(community, command.unitCode()), community);
        };
        if (councilRepository.exists(community, command.level(), unit)) {
            throw Problems.alreadyExists(command.level().name().toLowerCase() + " council", community + "/" + unit);
        }
        CouncilEntity council = new CouncilEntity();
        council.id = UUID.randomUUID();
        council.communityCode = community;
        council.level = command.level();
        council.unitCode = unit;
        council.name = command.name();
        council.createdAt = clock.instant();
        councilRepository.persist(council);
        audit.record(community, "COUNCIL_CREATED", "council", council.id, command.level() + " " + unit + ": " + command.name());
        return view(council);
    }

    /** Records an election and seats those elected; on a constituted council the result must keep D1-D3. */
    public ElectionView recordElection(UUID councilId, RecordElection command) {
        CouncilEntity council = locked(councilId);
        access.requireStaff(council.communityCode);
        if (command.termEnd().isBefore(command.termStart())) {
            throw Problems.invalid("termEnd", "must not be before termStart");
        }
        List<Election.Candidate> candidates = new ArrayList<>();
        List<Rejection> notEligible = new ArrayList<>();
        for (Commands.Candidate c : command.candidates()) {
            Optional<String> group = groupOf(council, c.personId());
            if (council.level == CouncilLevel.COMMUNITY) {
                Election.chosenFromGroupCouncil(c.personId(), group).ifPresent(notEligible::add);
            }
            candidates.add(new Election.Candidate(c.personId(), group.orElse(null), c.cadre(), c.votes()));
        }
        Rules.enforceAll(notEligible);
        Election.Count count = Election.count(candidates, command.seats(), command.voters());
        Rules.enforce(count.rejection());
        List<String> alreadySeated = count.elected().stream().map(Election.Candidate::personId)
                .filter(p -> seatRepository.holds(councilId, p)).toList();
        if (!alreadySeated.isEmpty()) {
            throw Problems.conflict("already holding a seat on this council: " + String.join(", ", alreadySeated));
        }

        ElectionEntity election = new ElectionEntity();
        election.id = UUID.randomUUID();
        election.councilId = councilId;
        election.heldOn = command.heldOn();
        election.seats = command.seats();
        election.voters = command.voters();
        election.termStart = command.termStart();
        election.termEnd = command.termEnd();
        election.recordedBy = access.person();
        election.recordedAt = clock.instant();
        electionRepository.persist(election);
        for (Election.Candidate c : candidates) {
            ElectionCandidateEntity row = new ElectionCandidateEntity();
            row.electionId = election.id;
            row.personId = c.personId();
            row.groupCode = c.groupCode();
            row.cadre = c.cadre();
            row.votes = c.votes();
            row.elected = count.elected().contains(c);
            electionCandidateRepository.persist(row);
            if (row.elected) {
                SeatEntity seat = new SeatEntity();
                seat.id = UUID.randomUUID();
                seat.councilId = councilId;
                seat.personId = c.personId();
                seat.groupCode = c.groupCode();
                seat.cadre = c.cadre();
                seat.termStart = command.termStart();
                seat.termEnd = command.termEnd();
                seat.electionId = election.id;
                seatRepository.persist(seat);
            }
        }
        seatRepository.flush();
        recheckIfConstituted(council);
        audit.record(council.communityCode, "COUNCIL_ELECTED", "council", councilId, "election held on " + command.heldOn()
                + ": elected " + count.elected().stream().map(Election.Candidate::personId).collect(java.util.stream.Collectors.joining(", ")), election.id);
        return electionView(election);
    }

    // D1-D3: constitution only when every rule holds; the 422 names every rule broken
    public CouncilView constitute(UUID councilId) {
        CouncilEntity council = locked(councilId);
        access.requireStaff(council.communityCode);
        if (council.constituted()) {
            throw Problems.conflict("council " + councilId + " is already constituted");
        }
        Rules.enforceAll(composition(council));
        council.constitutedAt = clock.instant();
        audit.record(council.communityCode, "COUNCIL_CONSTITUTED", "council", councilId, "membership " + membership(councilId));
        return view(council);
    }

    /** A member leaves the council (resignation, moving away, end of term); a constituted council must still hold D1-D3. */
    public CouncilView vacate(UUID councilId, String personId, String reason) {
        CouncilEntity council = locked(councilId);
        access.requireStaff(council.communityCode);
        SeatEntity seat = seatRepository.held(councilId, personId).orElseThrow(() -> Problems.notFound("seat of", personId + " on council " + councilId));
        seat.vacatedAt = clock.instant();
        seat.vacatedReason = reason;
        seatRepository.flush();
        recheckIfConstituted(council);
        audit.record(council.communityCode, "SEAT_VACATED", "council", councilId, personId + ": " + reason);
        return view(council);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CouncilView get(UUID councilId) {
        CouncilEntity council = find(councilId);
        access.requireReader(council.communityCode);
        return view(council);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CouncilView> ofCommunity(String communityCode) {
        access.requireReader(communityCode);
        return councilRepository.ofCommunity(communityCode).stream()
                .map(this::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ElectionView> elections(UUID councilId) {
        CouncilEntity council = find(councilId);
        access.requireReader(council.communityCode);
        return electionRepository.ofCouncil(councilId).stream().map(this::electionView).toList();
    }

    CouncilEntity find(UUID councilId) {
        return councilRepository.findByIdOptional(councilId)
                .orElseThrow(() -> Problems.notFound("council", String.valueOf(councilId)));
    }

    /** Seats held now. */
    List<SeatEntity> activeSeats(UUID councilId) {
        return seatRepository.active(councilId);
    }

    /** The full membership 应到会 of a council: its seats held now (D6, D7). */
    int membership(UUID councilId) {
        return seatRepository.membership(councilId);
    }

    private CouncilEntity locked(UUID councilId) {
        return councilRepository.requireLocked(councilId);
    }

    private List<Rejection> composition(CouncilEntity council) {
        List<Seat> seats = activeSeats(council.id).stream().map(s -> new Seat(s.personId, s.groupCode, s.cadre)).toList();
        return CouncilComposition.check(council.level, seats, registry.groupCodes(council.communityCode), settings.composition());
    }

    private void recheckIfConstituted(CouncilEntity council) {
        if (council.constituted()) {
            Rules.enforceAll(composition(council));
        }
    }

    /** The group a seat on this council represents: the group of a group council, of a courtyard, or the member's group council. */
    private Optional<String> groupOf(CouncilEntity council, String personId) {
        return switch (council.level) {
            case GROUP -> Optional.of(council.unitCode);
            case COURTYARD -> registry.groupOfCourtyard(council.communityCode, council.unitCode);
            case COMMUNITY -> councilRepository.ofLevel(council.communityCode, CouncilLevel.GROUP).stream()
                    .filter(g -> seatRepository.holds(g.id, personId))
                    .map(g -> g.unitCode).findFirst();
        };
    }

    private static String requireUnit(String unitCode, String what, boolean known, String community) {
        if (unitCode == null) {
            throw Problems.invalid("unitCode", "names the " + what + " of the council");
        }
        if (!known) {
            throw RuleViolation.of(new Rejection("P1", what + " " + unitCode + " is not known in community " + community));
        }
        return unitCode;
    }

    CouncilView view(CouncilEntity c) {
        List<SeatView> seats = activeSeats(c.id).stream()
                .map(s -> new SeatView(s.personId, s.groupCode, s.cadre, s.termStart, s.termEnd)).toList();
        return new CouncilView(c.id, c.communityCode, c.level, c.unitCode, c.name, c.constituted(), c.constitutedAt,
                seats.size(), seats);
    }

    private ElectionView electionView(ElectionEntity e) {
        List<CandidateView> candidates = electionCandidateRepository.ofElection(e.id).stream()
                .sorted(Comparator.comparingInt((ElectionCandidateEntity c) -> c.votes).reversed().thenComparing(c -> c.personId))
                .map(c -> new CandidateView(c.personId, c.groupCode, c.cadre, c.votes, c.elected)).toList();
        return new ElectionView(e.id, e.councilId, e.heldOn, e.seats, e.voters, candidates);
    }
}
