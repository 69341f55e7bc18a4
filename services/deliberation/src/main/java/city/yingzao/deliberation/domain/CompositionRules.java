package city.yingzao.deliberation.domain;

/**
 * The numbers of D1-D3 in force for a city (settings, defaults from the article).
 *
 * @param groupCouncilMinimum     D1: seats a resident-group council needs (default 5)
 * @param communityCouncilMinimum D1: seats a community council needs (default 21)
 * @param courtyardCouncilMinimum D1/D11: seats a courtyard council needs (the article is silent; default 3)
 * @param seatsPerGroup           D2: seats every resident group holds on the community council (default 2)
 * @param maxCadreShare           D3: largest share of seats held by cadres (default 0.5)
 */
public record CompositionRules(int groupCouncilMinimum, int communityCouncilMinimum, int courtyardCouncilMinimum,
                               int seatsPerGroup, double maxCadreShare) {

    /** The article's numbers. */
    public static CompositionRules chengdu() {
        return new CompositionRules(5, 21, 3, 2, 0.5);
    }

    int minimumFor(CouncilLevel level) {
        return switch (level) {
            case GROUP -> groupCouncilMinimum;
            case COMMUNITY -> communityCouncilMinimum;
            case COURTYARD -> courtyardCouncilMinimum;
        };
    }
}
