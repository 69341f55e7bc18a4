-- Issue 10, ledger trust items. The ledger tables stay as they are (append-only, same hash canonical form):
-- what a payment names beyond the entry, who posted it, its reversal and the year-end carry-over live beside it.

-- A project payment: its payee (an organisation of the replica or a named supplier, never a person) and its
-- voucher 发票/凭证号, unique per account (F1 专账核算), and who posted it (kept private, for the second-person
-- rule of reversals). The payee and voucher are also written into the entry's memo, so the hash covers them.
create table payment (
    entry_id        uuid         primary key references ledger_entry (id),
    project_id      uuid         not null,
    account_code    varchar(128) not null,
    amount_fen      bigint       not null check (amount_fen > 0),
    payee_org       varchar(64),
    payee           varchar(100) not null,
    voucher         varchar(40)  not null,
    posted_by       varchar(255) not null,
    unique (account_code, voucher)
);
create index payment_by_project on payment (project_id);

-- F8: a payment made in error is never changed; a reversing entry names it, once (primary key), posted by a
-- second person, with a reason.
create table payment_reversal (
    reversed_entry_id uuid         primary key references payment (entry_id),
    reversal_entry_id uuid         not null unique references ledger_entry (id),
    reason            varchar(300) not null,
    posted_by         varchar(255) not null
);

-- F1: a community's fund year closed once; its remaining balance carried to next year's account by a pair of
-- entries, each naming the other.
create table fund_year_close (
    community_code   varchar(32)  not null,
    fund_year        integer      not null,
    carried_fen      bigint       not null check (carried_fen >= 0),
    closing_entry_id uuid references ledger_entry (id),
    opening_entry_id uuid references ledger_entry (id),
    early            boolean      not null,
    closed_by        varchar(255) not null,
    closed_at        timestamptz  not null,
    primary key (community_code, fund_year)
);
