package city.yingzao.contracts.deliberation;

import city.yingzao.contracts.IntegrationEvent;

import java.time.Instant;

/**
 * A council's resolution has completed its publicity period 公示 (D9) and is handed to the
 * self-governance organisation to execute. Published on {@code deliberation.resolutions}, key =
 * community code. The finance service gates step 4 of a fund-use project on it (F6) when
 * {@code subjectType} is {@code FUND_PROJECT} and {@code subjectRef} is the project's id.
 *
 * @param resolutionId  id of the resolution, unique city-wide
 * @param communityCode community whose council decided
 * @param councilId     the council 议事会 that decided
 * @param councilLevel  {@code COMMUNITY}, {@code GROUP} or {@code COURTYARD} (D1, D11)
 * @param subjectType   {@code FUND_PROJECT}, {@code CONVENTION} or {@code GENERAL}
 * @param subjectRef    what the resolution is about (a finance project id, a convention id), or null for {@code GENERAL}
 * @param title         the motion's wording, as adopted
 * @param motionId      the motion that passed
 * @param yes           yes ballots
 * @param no            no ballots
 * @param abstain       abstentions
 * @param membership    the council's full membership 应到会 when it voted (D7: yes &gt; membership / 2)
 * @param publishedAt   start of the publicity period
 * @param adoptedAt     end of the publicity period, when the resolution took effect
 */
public record ResolutionAdoptedV1(
        String resolutionId,
        String communityCode,
        String councilId,
        String councilLevel,
        String subjectType,
        String subjectRef,
        String title,
        String motionId,
        int yes,
        int no,
        int abstain,
        int membership,
        Instant publishedAt,
        Instant adoptedAt) implements IntegrationEvent {
}
