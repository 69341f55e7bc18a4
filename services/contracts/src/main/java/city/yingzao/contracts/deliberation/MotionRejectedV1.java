package city.yingzao.contracts.deliberation;

import city.yingzao.contracts.IntegrationEvent;

import java.time.Instant;

/**
 * A motion put to a secret ballot did not pass (D7: yes did not exceed half of the full
 * membership). Published on {@code deliberation.resolutions}, key = community code, so a consumer
 * waiting on a subject learns that it was turned down.
 *
 * @param motionId      the motion that failed
 * @param communityCode community whose council voted
 * @param councilId     the council 议事会 that voted
 * @param councilLevel  {@code COMMUNITY}, {@code GROUP} or {@code COURTYARD}
 * @param subjectType   {@code FUND_PROJECT}, {@code CONVENTION} or {@code GENERAL}
 * @param subjectRef    what the motion was about, or null for {@code GENERAL}
 * @param title         the motion's wording
 * @param yes           yes ballots
 * @param no            no ballots
 * @param abstain       abstentions
 * @param membership    the council's full membership when it voted
 * @param reason        why it failed, for people ("D7: 12 yes of 25 members, 13 needed")
 * @param decidedAt     when the tally was closed
 */
public record MotionRejectedV1(
        String motionId,
        String communityCode,
        String councilId,
        String councilLevel,
        String subjectType,
        String subjectRef,
        String title,
        int yes,
        int no,
        int abstain,
        int membership,
        String reason,
        Instant decidedAt) implements IntegrationEvent {
}
