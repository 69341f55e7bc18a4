package city.yingzao.contracts.finance;

import city.yingzao.contracts.IntegrationEvent;

import java.time.Instant;

/**
 * A fund-use project was created or moved to another of the nine steps (F6). Published on
 * {@code finance.projects}, key = community code, so a project's transitions stay in order.
 *
 * @param projectId     the project
 * @param communityCode the community whose fund pays for it
 * @param fundYear      fund year of the account it draws on
 * @param title         project title
 * @param category      spending category (F5)
 * @param step          current step, 1 (publicity and mobilisation) to 9 (archiving)
 * @param stepName      name of the step, e.g. {@code HOUSEHOLD_VOTE}
 * @param budgetFen     the project's budget
 * @param paidFen       paid so far against the project (F1)
 * @param occurredAt    when the project reached this step
 */
public record ProjectStepChangedV1(
        String projectId,
        String communityCode,
        int fundYear,
        String title,
        String category,
        int step,
        String stepName,
        long budgetFen,
        long paidFen,
        Instant occurredAt) implements IntegrationEvent {
}
