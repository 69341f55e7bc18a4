package city.yingzao.deliberation.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Defaults of the deliberation settings (per city), the article's numbers; the city operator
 * changes them at run time through {@code /api/settings}, audited ({@link DeliberationSettings}).
 */
@ConfigMapping(prefix = "yingzao.deliberation")
public interface DeliberationConfig {

    /** D1: members a resident-group council needs. */
    @WithDefault("5")
    int groupCouncilMinimum();

    /** D1: members a community council needs ("as a rule, at least 21"). */
    @WithDefault("21")
    int communityCouncilMinimum();

    /** D1/D11: members a courtyard council needs; the article is silent, 3 is a careful default. */
    @WithDefault("3")
    int courtyardCouncilMinimum();

    /** D2: seats every resident group holds on the community council. */
    @WithDefault("2")
    int seatsPerGroup();

    /** D3: largest share of a council's seats held by cadres. */
    @WithDefault("0.5")
    double maxCadreShare();

    /** D4: distinct residents who must co-sign a residents' proposal (the filer included). */
    @WithDefault("10")
    int coSignatures();

    /** D6: quorum numerator (of the full membership). */
    @WithDefault("4")
    int quorumNumerator();

    /** D6: quorum denominator. */
    @WithDefault("5")
    int quorumDenominator();

    /** D13: speaking turns per member per question. */
    @WithDefault("2")
    int turnsPerMember();

    /** D13: seconds per speaking turn. */
    @WithDefault("120")
    int secondsPerTurn();

    /** D9: publicity period in Asia/Shanghai calendar days. */
    @WithDefault("7")
    int publicityDays();

    /**
     * D9: the shortest publicity period an operator may set. A published result must be seen before
     * it takes effect, so the default is 1 day; only a demonstration (the demo launcher {@code ./yingzao
     * up}, the system tests and this module's demo-script test) runs with 0 to adopt at once.
     */
    @WithDefault("1")
    int publicityMinimumDays();

    /** D9: how often the publicity job looks for resolutions due for adoption (a Quarkus scheduler period). */
    @WithDefault("30s")
    String publicityCheck();

    /**
     * D8: AES-256 key (32 bytes, base64) sealing the private key of every open ballot box in the
     * database; the same on every replica. No default: dev and test have one in
     * application.properties, production must be given it (Secret, or {@code ./yingzao up}).
     */
    String ballotKeyEncryptionKey();
}
