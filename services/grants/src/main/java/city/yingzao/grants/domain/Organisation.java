package city.yingzao.grants.domain;

import java.time.LocalDate;

/** An applicant organisation as the registry knows it (P4): what G2 eligibility reads. */
public record Organisation(String code, String communityCode, String name, String type, LocalDate registeredOn,
                           boolean active) {
}
