package city.yingzao.portal.domain;

import java.util.List;

/** What the auditor's checks answer: finance's ledger chain and grants' budget ledger. */
public final class Audit {

    private Audit() {
    }

    public record FinanceCheck(String scope, long accounts, long entries, boolean intact, List<FinanceBreak> breaks) {
    }

    public record FinanceBreak(String entryId, String accountCode, Long sequence, String problem) {
    }
}
