package city.yingzao.deliberation.domain;

/**
 * D12: a version of a convention is a {@code DRAFT} until a council resolution adopts it; it is then
 * {@code ADOPTED}, and {@code SUPERSEDED} when a later version is adopted. One draft at a time.
 */
public enum ConventionVersionState {
    DRAFT,
    ADOPTED,
    SUPERSEDED;

    /** The version in force is superseded when a resolution adopts another. */
    public ConventionVersionState onAdoptionOf(boolean thisVersion) {
        return thisVersion ? ADOPTED : this == ADOPTED ? SUPERSEDED : this;
    }
}
