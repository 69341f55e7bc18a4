package city.yingzao.finance.domain;

/** F9: who gives to a micro-fund; the public ledger shows only this, never a name (F8). */
public enum DonorType {
    RESIDENT("resident donation"),
    COMPANY("company donation"),
    MARKET("market donation"),
    SOCIAL_ENTERPRISE("social enterprise profit");

    private final String publicLabel;

    DonorType(String publicLabel) {
        this.publicLabel = publicLabel;
    }

    public String publicLabel() {
        return publicLabel;
    }
}
