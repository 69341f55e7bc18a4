package city.yingzao.contracts.grants;

import city.yingzao.contracts.IntegrationEvent;

import java.time.Instant;

/**
 * A tranche of a project's agreement was released (G4): automatically when its condition held, or
 * by an operator with a reason. Published on {@code grants.projects}, key = target code.
 *
 * @param projectId        the project
 * @param organisationCode the organisation paid
 * @param targetCode       community, street or district code
 * @param trancheNumber    1, 2, 3, ...
 * @param amountFen        the amount released, integer fen
 * @param condition        the tranche's condition, e.g. {@code AGREEMENT_SIGNED}, {@code MID_TERM_PASSED},
 *                         {@code FINAL_PASSED}, {@code REPORT_FILED}
 * @param evaluationId     the evaluation whose result satisfied the condition, or null
 * @param releasedBy       {@code AUTOMATIC}, or {@code OPERATOR} for a release by hand
 * @param occurredAt       when it was released
 */
public record TrancheReleasedV1(
        String projectId,
        String organisationCode,
        String targetCode,
        int trancheNumber,
        long amountFen,
        String condition,
        String evaluationId,
        String releasedBy,
        Instant occurredAt) implements IntegrationEvent {

    @Override
    public String communityCode() {
        return targetCode;
    }
}
