package city.yingzao.deliberation.domain;

import city.yingzao.kernel.rules.Rejection;

import java.util.Optional;

/**
 * D4: who may put an item on a council's agenda. Community staff file for the party organisation or
 * the committee (and must say which); a council member files in their own council; a resident files
 * in their own community and then needs co-signatures.
 */
public final class AgendaRightPolicy {

    public static final String RULE = "D4";

    private AgendaRightPolicy() {
    }

    /** What the caller is, as far as D4 is concerned. */
    public record Filer(String personId, boolean staffOfCommunity, boolean seatOnCouncil, boolean residentOfCommunity) {
    }

    // D4: party organisation, committee, a council member, or residents jointly
    public static Optional<Rejection> check(Filer filer, ProposerKind kind) {
        boolean allowed = switch (kind) {
            case PARTY_ORGANISATION, COMMITTEE -> filer.staffOfCommunity();
            case COUNCIL_MEMBER -> filer.seatOnCouncil();
            case RESIDENTS -> filer.residentOfCommunity();
        };
        return allowed ? Optional.empty() : Optional.of(new Rejection(RULE, filer.personId() + " may not file as "
                + kind.name().toLowerCase().replace('_', ' ') + " for this council"));
    }

    /** The kind a request means: staff name whom they act for; otherwise a seat holder files as member, else as resident. */
    public static ProposerKind kindOf(Optional<ProposerKind> onBehalfOf, boolean seatOnCouncil) {
        return onBehalfOf.orElse(seatOnCouncil ? ProposerKind.COUNCIL_MEMBER : ProposerKind.RESIDENTS);
    }
}
