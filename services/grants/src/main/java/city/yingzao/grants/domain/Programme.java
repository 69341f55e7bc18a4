package city.yingzao.grants.domain;

import java.time.Instant;

/** G1: the funding programme of a year, with its budget and the hub organisation operating it. */
public record Programme(int year, String title, long budgetFen, String operatorOrg, Instant createdAt) {
}
