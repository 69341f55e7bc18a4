package city.yingzao.grants.domain;

import city.yingzao.contracts.grants.GrantTarget;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** G4: an awarded application's project under its agreement. */
public record Project(String id, String applicationId, String callId, int programmeYear, String title, String organisationCode,
                      GrantTarget targetKind, String targetCode, String districtCode, PivotCategory pivotCategory, long awardedFen,
                      Status status, Instant agreementSignedAt, LocalDate startsOn, LocalDate endsOn, String frameworkVersion,
                      List<String> reviewerIds) {

    public enum Status { AWARDED, RUNNING, COMPLETED, TERMINATED }

    public Project {
        reviewerIds = List.copyOf(reviewerIds);
    }
}
