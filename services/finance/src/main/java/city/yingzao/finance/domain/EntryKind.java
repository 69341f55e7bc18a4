package city.yingzao.finance.domain;

/** Why money moved; the names are those of the {@code LedgerEntryPostedV1} contract. */
public enum EntryKind {
    /** Annual allocation into a community's dedicated account (F1-F4). */
    ALLOCATION,
    /** A donation into a community's micro-fund (F9). */
    DONATION,
    /** A payment out of the dedicated account against an approved project (F1, F6 step 6). */
    PROJECT_PAYMENT,
    /** A grant out of the micro-fund to an organisation (F9). */
    MICROFUND_GRANT
}
