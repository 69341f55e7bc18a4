package city.yingzao.deliberation.application;

import city.yingzao.deliberation.domain.Quorum;
import city.yingzao.deliberation.infrastructure.FiguresRepository;
import city.yingzao.kernel.problem.Problems;
import city.yingzao.kernel.security.Caller;
import city.yingzao.kernel.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * A district's deliberation figures for a year (Asia/Shanghai), per community and in total, for the
 * district's operators and the city operator. Held meetings are those closed in the year.
 */
@ApplicationScoped
public class FiguresService {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Inject
    FiguresRepository repository;

    @Inject
    DeliberationSettings settings;

    @Inject
    Caller caller;

    public record Figures(long councilsConstituted, long meetingsHeld, Double averageAttendance, Double averageMembership,
                          Double attendanceShare, Double quorateShare, long proposalsFiled, long proposalsApproved,
                          long proposalsRejected, long resolutionsAdopted, long objections) {
    }

    public record CommunityFigures(String communityCode, String communityName, Figures figures) {
    }

    public record DistrictFigures(String districtCode, int year, long communities, int page, int size,
                                  List<CommunityFigures> items, Figures totals) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DistrictFigures of(String district, int year, int page, int size) {
        caller.require(caller.has(Roles.CITY_OPERATOR) || (caller.has(Roles.DISTRICT_OPERATOR) && caller.inDistrict(district)),
                "district " + district);
        if (year < 2000 || year > 2100) {
            throw Problems.invalid("year", "must be between 2000 and 2100");
        }
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay(CHINA).toInstant();
        Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(CHINA).toInstant();
        Quorum quorum = settings.quorum();
        List<CommunityFigures> items = repository.page(district, from, to, quorum.numerator(), quorum.denominator(), page, size)
                .stream().map(r -> new CommunityFigures(r.communityCode(), r.communityName(), figures(r))).toList();
        Figures totals = figures(repository.totals(district, from, to, quorum.numerator(), quorum.denominator()));
        return new DistrictFigures(district, year, repository.communities(district), page, size, items, totals);
    }

    /** The current year in Asia/Shanghai. */
    public static int thisYear(java.time.Clock clock) {
        return LocalDate.now(clock.withZone(CHINA)).getYear();
    }

    private static Figures figures(FiguresRepository.Row r) {
        long held = r.meetingsHeld();
        return new Figures(r.councilsConstituted(), held, ratio(r.attendanceSum(), held), ratio(r.membershipSum(), held),
                ratio(r.attendanceSum(), r.membershipSum()), ratio(r.quorateMeetings(), held), r.proposalsFiled(),
                r.proposalsApproved(), r.proposalsRejected(), r.resolutionsAdopted(), r.objections());
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10000.0 / whole) / 10000.0;
    }
}
