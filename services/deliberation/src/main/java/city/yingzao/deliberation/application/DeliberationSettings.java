package city.yingzao.deliberation.application;

import city.yingzao.deliberation.domain.CompositionRules;
import city.yingzao.deliberation.domain.Quorum;
import city.yingzao.deliberation.domain.SpeakingLimits;
import city.yingzao.kernel.problem.Problems;
import city.yingzao.kernel.settings.SettingDefinition;
import city.yingzao.kernel.settings.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/**
 * The deliberation numbers an operator may change at run time ({@code /api/settings}, audited),
 * and the policies built from the values in force.
 */
@ApplicationScoped
public class DeliberationSettings {

    public static final String GROUP_MINIMUM = "council.group-minimum";
    public static final String COMMUNITY_MINIMUM = "council.community-minimum";
    public static final String COURTYARD_MINIMUM = "council.courtyard-minimum";
    public static final String SEATS_PER_GROUP = "council.seats-per-group";
    public static final String MAX_CADRE_SHARE = "council.max-cadre-share";
    public static final String CO_SIGNATURES = "proposal.co-signatures";
    public static final String QUORUM_NUMERATOR = "meeting.quorum-numerator";
    public static final String QUORUM_DENOMINATOR = "meeting.quorum-denominator";
    public static final String TURNS_PER_MEMBER = "meeting.turns-per-member";
    public static final String SECONDS_PER_TURN = "meeting.seconds-per-turn";
    public static final String PUBLICITY_DAYS = "publicity.days";

    @Inject
    Settings settings;

    @Produces
    SettingDefinition groupMinimum(DeliberationConfig c) {
        return SettingDefinition.whole(GROUP_MINIMUM, "D1", "members a resident-group council needs", c.groupCouncilMinimum(), 1, 500);
    }

    @Produces
    SettingDefinition communityMinimum(DeliberationConfig c) {
        return SettingDefinition.whole(COMMUNITY_MINIMUM, "D1", "members a community council needs", c.communityCouncilMinimum(), 1, 500);
    }

    @Produces
    SettingDefinition courtyardMinimum(DeliberationConfig c) {
        return SettingDefinition.whole(COURTYARD_MINIMUM, "D11", "members a courtyard council needs", c.courtyardCouncilMinimum(), 1, 500);
    }

    @Produces
    SettingDefinition seatsPerGroup(DeliberationConfig c) {
        return SettingDefinition.whole(SEATS_PER_GROUP, "D2", "seats every resident group holds on the community council",
                c.seatsPerGroup(), 0, 50);
    }

    @Produces
    SettingDefinition maxCadreShare(DeliberationConfig c) {
        return SettingDefinition.decimal(MAX_CADRE_SHARE, "D3", "largest share of a council's seats held by cadres",
                c.maxCadreShare(), 0, 1);
    }

    @Produces
    SettingDefinition coSignatures(DeliberationConfig c) {
        return SettingDefinition.whole(CO_SIGNATURES, "D4", "distinct residents who jointly put an item on the agenda (filer included)",
                c.coSignatures(), 1, 10000);
    }

    @Produces
    SettingDefinition quorumNumerator(DeliberationConfig c) {
        return SettingDefinition.whole(QUORUM_NUMERATOR, "D6", "quorum: numerator of the share of the full membership present",
                c.quorumNumerator(), 1, 100);
    }

    @Produces
    SettingDefinition quorumDenominator(DeliberationConfig c) {
        return SettingDefinition.whole(QUORUM_DENOMINATOR, "D6", "quorum: denominator of the share of the full membership present",
                c.quorumDenominator(), 1, 100);
    }

    @Produces
    SettingDefinition turnsPerMember(DeliberationConfig c) {
        return SettingDefinition.whole(TURNS_PER_MEMBER, "D13", "speaking turns per member per motion", c.turnsPerMember(), 1, 20);
    }

    @Produces
    SettingDefinition secondsPerTurn(DeliberationConfig c) {
        return SettingDefinition.whole(SECONDS_PER_TURN, "D13", "seconds per speaking turn", c.secondsPerTurn(), 10, 3600);
    }

    @Produces
    SettingDefinition publicityDays(DeliberationConfig c) {
        // D9: a result is published for a period before it takes effect; 0 days only in a demonstration
        SettingDefinition bounds = SettingDefinition.whole(PUBLICITY_DAYS, "D9",
                "publicity period of a resolution, Asia/Shanghai calendar days", c.publicityDays(), 0, 90);
        int minimum = c.publicityMinimumDays();
        return new SettingDefinition(bounds.key(), bounds.rule(), bounds.description(), bounds.defaultValue(),
                v -> bounds.check().apply(v).or(() -> Long.parseLong(v.trim()) >= minimum ? java.util.Optional.empty()
                        : java.util.Optional.of("must be at least " + minimum + " day(s): a result is published before it "
                                + "takes effect (0 only in a demonstration, yingzao.deliberation.publicity-minimum-days)")));
    }

    public CompositionRules composition() {
        return new CompositionRules(whole(GROUP_MINIMUM), whole(COMMUNITY_MINIMUM), whole(COURTYARD_MINIMUM),
                whole(SEATS_PER_GROUP), settings.decimal(MAX_CADRE_SHARE));
    }

    public Quorum quorum() {
        int numerator = whole(QUORUM_NUMERATOR);
        int denominator = whole(QUORUM_DENOMINATOR);
        if (numerator > denominator) {
            throw Problems.conflict("the quorum setting " + numerator + "/" + denominator + " is more than the whole council");
        }
        return new Quorum(numerator, denominator);
    }

    public SpeakingLimits speaking() {
        return new SpeakingLimits(whole(TURNS_PER_MEMBER), whole(SECONDS_PER_TURN));
    }

    public int coSignaturesNeeded() {
        return whole(CO_SIGNATURES);
    }

    public int publicityDays() {
        return whole(PUBLICITY_DAYS);
    }

    private int whole(String key) {
        return (int) settings.whole(key);
    }
}
