package city.yingzao.deliberation.application;

import city.yingzao.deliberation.infrastructure.CouncilRepository;
import city.yingzao.deliberation.infrastructure.ProposalRepository;
import city.yingzao.deliberation.infrastructure.SignatureRepository;
import city.yingzao.deliberation.application.Commands.FileProposal;
import city.yingzao.deliberation.application.Commands.Review;
import city.yingzao.deliberation.application.Views.ProposalView;
import city.yingzao.deliberation.domain.AgendaRightPolicy;
import city.yingzao.deliberation.domain.CoSignaturePolicy;
import city.yingzao.deliberation.domain.PartyReviewPolicy;
import city.yingzao.deliberation.domain.ProposalStatus;
import city.yingzao.deliberation.domain.ProposerKind;
import city.yingzao.deliberation.domain.SeparationOfRolesPolicy;
import city.yingzao.deliberation.domain.SubjectType;
import city.yingzao.deliberation.infrastructure.CouncilEntity;
import city.yingzao.deliberation.infrastructure.ProposalEntity;
import city.yingzao.replica.application.RegistryReplica;
import city.yingzao.deliberation.infrastructure.SignatureEntity;
import city.yingzao.kernel.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Proposals 议题 (D4, D5, D10): filed for a constituted council by the party organisation or the
 * committee (through community staff), a council member, or a resident who then gathers
 * co-signatures; reviewed by the community's party reviewer, who approves (an agenda item) or
 * rejects with a reason the proposers read, and who never reviews what they filed or signed.
 */
@ApplicationScoped
@Transactional
public class ProposalService {

    @Inject
    CouncilRepository councilRepository;

    @Inject
    ProposalRepository proposalRepository;

    @Inject
    SignatureRepository signatureRepository;

    @Inject
    Access access;

    @Inject
    RegistryReplica registry;

    @Inject
    DeliberationSettings settings;

    @Inject
    ConventionService conventions;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    /** A view and whether the call changed anything (201 vs 200 for an idempotent co-signature). */
    public record Outcome(ProposalView proposal, boolean created) {
    }

    public ProposalView file(UUID councilId, FileProposal command) {
        CouncilEntity council = councilRepository.require(councilId);
        String community = council.communityCode;
        boolean seat = access.seatOn(councilId);
        boolean staff = access.staffOf(community);
        boolean resident = access.residentOf(community);
        access.require(seat || staff || resident, "council " + councilId);
        if (!council.constituted()) {
            throw Problems.conflict("council " + councilId + " is not constituted yet");
        }
        ProposerKind kind = AgendaRightPolicy.kindOf(command.onBehalfOf(), seat);
        Rules.enforce(AgendaRightPolicy.check(new AgendaRightPolicy.Filer(access.person(), staff, seat, resident), kind));
        checkSubject(community, command.subjectType(), command.subjectRef());

        ProposalEntity proposal = new ProposalEntity();
        proposal.id = UUID.randomUUID();
        proposal.councilId = councilId;
        proposal.communityCode = community;
        proposal.title = command.title();
        proposal.body = command.body();
        proposal.subjectType = command.subjectType();
        proposal.subjectRef = command.subjectRef();
        proposal.proposerKind = kind;
        proposal.filedBy = access.person();
        proposal.filedAt = clock.instant();
        proposal.status = ProposalStatus.AWAITING_REVIEW;
        proposalRepository.persist(proposal);
        if (kind == ProposerKind.RESIDENTS) {
            proposal.status = ProposalStatus.COLLECTING_SIGNATURES;
            sign(proposal);
        }
        audit.record(community, "PROPOSAL_FILED", "proposal", proposal.id, kind + ": " + proposal.title, councilId);
        return view(proposal);
    }

    // D4: one co-signature per resident of the community; the proposal goes to review at the threshold
    public Outcome coSign(UUID proposalId) {
        ProposalEntity proposal = locked(proposalId);
        access.require(access.residentOf(proposal.communityCode), "community " + proposal.communityCode);
        if (proposal.proposerKind != ProposerKind.RESIDENTS) {
            throw Problems.conflict("only a residents' proposal takes co-signatures");
        }
        if (signatureRepository.signed(proposalId, access.person())) {
            return new Outcome(view(proposal), false);
        }
        if (proposal.status != ProposalStatus.COLLECTING_SIGNATURES && proposal.status != ProposalStatus.AWAITING_REVIEW) {
            throw Problems.conflict("the proposal is " + proposal.status.name().toLowerCase().replace('_', ' ')
                    + " and takes no more co-signatures");
        }
        sign(proposal);
        audit.record(proposal.communityCode, "PROPOSAL_SIGNED", "proposal", proposalId, "co-signed, now " + proposal.status, proposal.councilId);
        return new Outcome(view(proposal), true);
    }

    // D5 + D10: the party reviewer of the community decides; never on what they filed or signed
    public ProposalView review(UUID proposalId, Review review) {
        ProposalEntity proposal = locked(proposalId);
        access.requireReviewer(proposal.communityCode);
        if (proposal.status == ProposalStatus.COLLECTING_SIGNATURES) {
            Rules.enforce(Optional.of(CoSignaturePolicy.notEnough(signatures(proposalId), settings.coSignaturesNeeded())));
        }
        Rules.enforce(PartyReviewPolicy.check(proposal.status, review.approve(), review.reason()));
        Rules.enforce(SeparationOfRolesPolicy.reviewer(access.person(), proposers(proposal)));
        proposal.status = review.approve() ? ProposalStatus.APPROVED : ProposalStatus.REJECTED;
        proposal.reviewedBy = access.person();
        proposal.reviewedAt = clock.instant();
        proposal.reviewReason = review.reason() == null || review.reason().isBlank() ? null : review.reason();
        audit.record(proposal.communityCode, "PROPOSAL_REVIEWED", "proposal", proposalId,
                proposal.status + (proposal.reviewReason == null ? "" : ": " + proposal.reviewReason), proposal.councilId);
        return view(proposal);
    }

    /** Whoever filed it, or the community's staff, withdraw a proposal before it is scheduled, with a reason. */
    public ProposalView withdraw(UUID proposalId, String reason) {
        ProposalEntity proposal = locked(proposalId);
        if (!access.person().equals(proposal.filedBy)) {
            access.requireStaff(proposal.communityCode);
        }
        if (!proposal.status.withdrawable()) {
            throw Problems.conflict("proposal " + proposalId + " is " + proposal.status
                    + "; a proposal is withdrawn only before it is scheduled into a meeting");
        }
        proposal.status = ProposalStatus.WITHDRAWN;
        proposal.withdrawnBy = access.person();
        proposal.withdrawnAt = clock.instant();
        proposal.withdrawReason = reason.trim();
        audit.record(proposal.communityCode, "PROPOSAL_WITHDRAWN", "proposal", proposalId, proposal.withdrawReason, proposal.councilId);
        return view(proposal);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ProposalView get(UUID proposalId) {
        ProposalEntity proposal = find(proposalId);
        access.requireReader(proposal.communityCode);
        return view(proposal);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ProposalView> ofCouncil(UUID councilId) {
        CouncilEntity council = councilRepository.require(councilId);
        access.requireReader(council.communityCode);
        // two queries for the whole list: the proposals, then every co-signature of them
        List<ProposalEntity> proposals = proposalRepository.ofCouncil(councilId);
        var signers = signatureRepository.signersOf(proposals.stream().map(p -> p.id).toList());
        int needed = settings.coSignaturesNeeded();
        return proposals.stream().map(p -> view(p, signers.getOrDefault(p.id, List.of()), needed)).toList();
    }

    /** Who proposed: the filer and every co-signer (D10). */
    Set<String> proposers(ProposalEntity proposal) {
        Set<String> people = new LinkedHashSet<>();
        people.add(proposal.filedBy);
        people.addAll(signatureRepository.signers(proposal.id));
        return people;
    }

    ProposalEntity find(UUID proposalId) {
        return proposalRepository.findByIdOptional(proposalId)
                .orElseThrow(() -> Problems.notFound("proposal", String.valueOf(proposalId)));
    }

    private ProposalEntity locked(UUID proposalId) {
        return proposalRepository.requireLocked(proposalId);
    }

    private void sign(ProposalEntity proposal) {
        Optional<String> household = access.household();
        Rules.enforce(CoSignaturePolicy.mayCoSign(access.person(), proposal.communityCode, access.residentOf(proposal.communityCode),
                household, household.map(h -> registry.householdActive(proposal.communityCode, h)).orElse(false)));
        SignatureEntity signature = new SignatureEntity();
        signature.proposalId = proposal.id;
        signature.personId = access.person();
        signature.householdCode = household.orElseThrow();
        signature.signedAt = clock.instant();
        signatureRepository.persist(signature);
        signatureRepository.flush();
        if (proposal.status == ProposalStatus.COLLECTING_SIGNATURES
                && CoSignaturePolicy.enough(signatures(proposal.id), settings.coSignaturesNeeded())) {
            proposal.status = ProposalStatus.AWAITING_REVIEW;
        }
    }

    private void checkSubject(String community, SubjectType type, String ref) {
        switch (type) {
            case FUND_PROJECT -> {
                if (ref == null) {
                    throw Problems.invalid("subjectRef", "names the finance project of a FUND_PROJECT proposal");
                }
            }
            case CONVENTION -> {
                if (ref == null) {
                    throw Problems.invalid("subjectRef", "names the convention of a CONVENTION proposal");
                }
                conventions.requireDraftToDecide(community, ref);
            }
            case GENERAL -> {
            }
        }
    }

    private long signatures(UUID proposalId) {
        return signatureRepository.countOf(proposalId);
    }

    ProposalView view(ProposalEntity p) {
        return view(p, signatureRepository.signers(p.id), settings.coSignaturesNeeded());
    }

    /** {@code coSignaturesNeeded}: the D10 setting, read once per list (it is a query). */
    private ProposalView view(ProposalEntity p, List<String> signers, int coSignaturesNeeded) {
        int needed = p.proposerKind == ProposerKind.RESIDENTS ? coSignaturesNeeded : 0;
        return new ProposalView(p.id, p.councilId, p.communityCode, p.title, p.body, p.subjectType, p.subjectRef,
                p.proposerKind, p.filedBy, p.status, signers.size(), needed, signers, p.filedAt, p.reviewedBy, p.reviewedAt,
                p.reviewReason);
    }
}
