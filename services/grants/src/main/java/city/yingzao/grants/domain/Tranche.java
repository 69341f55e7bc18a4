package city.yingzao.grants.domain;

/** G4: one tranche of an agreement. */
public record Tranche(String projectId, int number, int percent, long amountFen, ReleaseCondition condition, Status status,
                      String holdReason) {

    public enum Status { PENDING, HELD, RELEASED }
}
