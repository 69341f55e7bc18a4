package city.yingzao.finance.domain;

/**
 * Names of ledger accounts. A community's dedicated account 专账 per fund year and its micro-fund
 * per year are the chained accounts (balance kept, entries hash-chained); the others are the
 * counter sides of entries: budgets that paid in, projects and organisations paid out, donors.
 */
public final class Accounts {

    private Accounts() {
    }

    /** F1: the dedicated account of a community for a fund year. */
    public static String communityFund(String communityCode, int fundYear) {
        return "community:" + communityCode + ":" + fundYear;
    }

    /** F9: the community's micro-fund 社区公益微基金 for a year. */
    public static String microFund(String communityCode, int fundYear) {
        return "microfund:" + communityCode + ":" + fundYear;
    }

    public static String cityBudget(int fundYear) {
        return "city-budget:" + fundYear;
    }

    public static String districtBudget(String districtCode, int fundYear) {
        return "district-budget:" + districtCode + ":" + fundYear;
    }

    public static String projectExpense(String projectId) {
        return "project:" + projectId;
    }

    /** Donors by type only: the public ledger never names a person (F8, F9). */
    public static String donors(DonorType type) {
        return "donors:" + type.name().toLowerCase();
    }

    public static String grantee(String orgCode) {
        return "grants:" + orgCode;
    }
}
