package city.yingzao.deliberation.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * District figures in one set-based query per page (and one for the totals): every figure of every
 * community of the district is an aggregate over the year's rows, never a query per community.
 */
@ApplicationScoped
public class FiguresRepository {

    /** One community's figures for the year [from, to). */
    public record Row(String communityCode, String communityName, long councilsConstituted, long meetingsHeld,
                      long attendanceSum, long membershipSum, long quorateMeetings, long proposalsFiled,
                      long proposalsApproved, long proposalsRejected, long resolutionsAdopted, long objections) {
    }

    // held = closed in the year; a meeting's membership = the council's seats held at its close;
    // attendance = the members who signed in; quorate = signed in >= ceil(membership * n / d)
    private static final String FIGURES = """
            with c as (%s),
            m as (
                select mt.id, cl.community_code,
                       (select count(*) from attendance a where a.meeting_id = mt.id) as attended,
                       (select count(*) from seat s where s.council_id = mt.council_id
                            and (s.vacated_at is null or s.vacated_at > mt.closed_at)) as membership
                from meeting mt join council cl on cl.id = mt.council_id
                where mt.status = 'CLOSED' and mt.closed_at >= :from and mt.closed_at < :to
                  and cl.community_code in (select code from c)
            )
            select c.code, c.name,
                (select count(*) from council k where k.community_code = c.code and k.constituted_at < :to),
                (select count(*) from m where m.community_code = c.code),
                (select coalesce(sum(m.attended), 0) from m where m.community_code = c.code),
                (select coalesce(sum(m.membership), 0) from m where m.community_code = c.code),
                (select count(*) from m where m.community_code = c.code and m.membership > 0
                     and m.attended >= (m.membership * :num + :den - 1) / :den),
                (select count(*) from proposal p where p.community_code = c.code and p.filed_at >= :from and p.filed_at < :to),
                (select count(*) from proposal p where p.community_code = c.code and p.reviewed_at >= :from
                     and p.reviewed_at < :to and p.status <> 'REJECTED'),
                (select count(*) from proposal p where p.community_code = c.code and p.reviewed_at >= :from
                     and p.reviewed_at < :to and p.status = 'REJECTED'),
                (select count(*) from resolution r where r.community_code = c.code and r.status = 'ADOPTED'
                     and r.adopted_at >= :from and r.adopted_at < :to),
                (select count(*) from objection o join resolution r on r.id = o.resolution_id
                     where r.community_code = c.code and o.filed_at >= :from and o.filed_at < :to)
            from c
            order by c.code
            """;

    private static final String COMMUNITIES = "select code, name from replica_community where district_code = :district";

    @Inject
    EntityManager em;

    public long communities(String district) {
        return ((Number) em.createNativeQuery("select count(*) from replica_community where district_code = :district")
                .setParameter("district", district).getSingleResult()).longValue();
    }

    /** A page of the district's communities (by code) with their figures. */
    public List<Row> page(String district, Instant from, Instant to, int numerator, int denominator, int page, int size) {
        String communities = COMMUNITIES + " order by code limit " + size + " offset " + ((long) page * size);
        return run(FIGURES.formatted(communities), district, from, to, numerator, denominator);
    }

    /** The district's totals: the same figures summed over every community of the district. */
    public Row totals(String district, Instant from, Instant to, int numerator, int denominator) {
        String sql = "select '" + "' , '', " + java.util.stream.IntStream.rangeClosed(3, 12)
                .mapToObj(i -> "coalesce(sum(f.c" + i + "), 0)").collect(java.util.stream.Collectors.joining(", "))
                + " from (" + FIGURES.formatted(COMMUNITIES).replace("from c\norder by c.code", "from c")
                + ") as f(c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12)";
        return run(sql, district, from, to, numerator, denominator).get(0);
    }

    private List<Row> run(String sql, String district, Instant from, Instant to, int numerator, int denominator) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).setParameter("district", district).setParameter("from", from)
                .setParameter("to", to).setParameter("num", numerator).setParameter("den", denominator).getResultList();
        return rows.stream().map(r -> new Row((String) r[0], (String) r[1], n(r[2]), n(r[3]), n(r[4]), n(r[5]), n(r[6]),
                n(r[7]), n(r[8]), n(r[9]), n(r[10]), n(r[11]))).toList();
    }

    private static long n(Object value) {
        return value instanceof BigDecimal d ? d.longValue() : ((Number) value).longValue();
    }
}
