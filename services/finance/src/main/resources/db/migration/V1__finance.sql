-- Community public finance 社区公共财政 (F1-F9). Amounts are integer fen (bigint), never floating point.

-- ---------------------------------------------------------------------------------------------
-- Replica of the registry (registry.communities, registry.households): replaced by higher revisions.
create table community (
    code                   varchar(32)  primary key,
    name                   varchar(120) not null,
    kind                   varchar(8)   not null,
    district_code          varchar(32)  not null,
    district_tier          varchar(16)  not null,
    registered_households  integer      not null,
    revision               bigint       not null
);
create index community_by_district on community (district_code, code);

create table household (
    community_code  varchar(32) not null,
    code            varchar(32) not null,
    active          boolean     not null,
    revision        bigint      not null,
    primary key (community_code, code)
);

-- ---------------------------------------------------------------------------------------------
-- Fund policy per fund year (F2-F4); a year without a row takes the configured defaults until an
-- allocation run freezes them as revision 1. Every change audited in fund_policy_change.
create table fund_policy (
    fund_year                     integer     primary key,
    rural_floor_fen               bigint      not null check (rural_floor_fen >= 0),
    urban_per_100_households_fen  bigint      not null check (urban_per_100_households_fen >= 0),
    city_percent_main_urban       smallint    not null check (city_percent_main_urban between 0 and 100),
    city_percent_near_suburb      smallint    not null check (city_percent_near_suburb between 0 and 100),
    city_percent_far_suburb       smallint    not null check (city_percent_far_suburb between 0 and 100),
    revision                      bigint      not null,
    updated_by                    varchar(200) not null,
    updated_at                    timestamptz not null
);

create table fund_policy_change (
    id          bigserial     primary key,
    fund_year   integer       not null,
    revision    bigint        not null,
    old_policy  varchar(1000) not null,
    new_policy  varchar(1000) not null,
    reason      varchar(1000) not null,
    changed_by  varchar(200)  not null,
    changed_at  timestamptz   not null
);
create index fund_policy_change_by_year on fund_policy_change (fund_year, id);

-- ---------------------------------------------------------------------------------------------
-- Ledger (F1, F8): accounts, immutable hash-chained entries, balanced lines.
-- A chained account (a community's dedicated fund or micro-fund per year) carries its balance and
-- the head of its chain; counter accounts (budgets, project expense, donors, grants) are only names.
create table account (
    code            varchar(128) primary key,
    community_code  varchar(32)  not null,
    fund_year       integer      not null,
    kind            varchar(16)  not null check (kind in ('FUND', 'MICROFUND')),
    balance_fen     bigint       not null check (balance_fen >= 0),
    last_sequence   bigint       not null,
    last_hash       char(64)
);
create index account_by_community on account (community_code, fund_year);

create table ledger_entry (
    id              uuid         primary key,
    account_code    varchar(128) not null,            -- the chained account (no FK: bulk appends; the chain proves it)
    community_code  varchar(32)  not null,
    fund_year       integer      not null,
    sequence        bigint       not null,
    kind            varchar(20)  not null,
    reference       varchar(64)  not null,
    memo            varchar(500) not null,
    posted_at       timestamptz  not null,
    previous_hash   char(64),
    hash            char(64)     not null,
    unique (account_code, sequence)
);
-- a community's entries are found through its accounts (unique account_code, sequence): one index less to
-- maintain when an allocation run appends 40,000 entries

create table ledger_line (
    entry_id    uuid         not null,                 -- written with its entry in the same transaction
    line_no     smallint     not null,
    account     varchar(128) not null,
    debit_fen   bigint       not null check (debit_fen >= 0),
    credit_fen  bigint       not null check (credit_fen >= 0),
    primary key (entry_id, line_no),
    check ((debit_fen > 0) <> (credit_fen > 0))
);

-- Entries are facts: nothing changes or removes them once written (F1, F8).
create function ledger_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'F8: ledger rows are immutable (% on %)', tg_op, tg_table_name;
end;
$$;
create trigger ledger_entry_append_only before update or delete on ledger_entry
    for each row execute function ledger_is_append_only();
create trigger ledger_line_append_only before update or delete on ledger_line
    for each row execute function ledger_is_append_only();

-- ---------------------------------------------------------------------------------------------
-- Allocations (F2-F4): one per community and fund year.
create table allocation (
    id                     uuid        primary key,
    community_code         varchar(32) not null,
    fund_year              integer     not null,
    community_kind         varchar(8)  not null,
    district_code          varchar(32) not null,
    district_tier          varchar(16) not null,
    registered_households  integer     not null,
    basis                  varchar(32) not null,
    total_fen              bigint      not null check (total_fen > 0),
    city_share_fen         bigint      not null check (city_share_fen >= 0),
    district_share_fen     bigint      not null check (district_share_fen >= 0),
    policy_revision        bigint      not null,
    allocated_at           timestamptz not null,
    entry_id               uuid        not null,
    unique (community_code, fund_year),
    check (city_share_fen + district_share_fen = total_fen)
);
create index allocation_by_year_district on allocation (fund_year, district_code, community_code);

-- ---------------------------------------------------------------------------------------------
-- Fund-use projects and their nine steps (F5, F6).
create table project (
    id                  uuid         primary key,
    community_code      varchar(32)  not null,
    fund_year           integer      not null,
    title               varchar(500) not null,
    category            varchar(40)  not null,
    purpose             varchar(2000) not null,
    budget_fen          bigint       not null check (budget_fen > 0),
    contribution_fen    bigint       not null check (contribution_fen >= 0),
    urgency             varchar(8)   not null,
    step                smallint     not null check (step between 1 and 9),
    paid_fen            bigint       not null default 0 check (paid_fen >= 0 and paid_fen <= budget_fen),
    hearing_summary     varchar(2000),
    hearing_attendees   integer,
    created_by          varchar(200) not null,
    created_at          timestamptz  not null
);
create index project_by_community on project (community_code, created_at);

create table project_step (
    project_id  uuid          not null references project (id),
    step        smallint      not null,
    note        varchar(2000),
    changed_by  varchar(200)  not null,
    changed_at  timestamptz   not null,
    primary key (project_id, step)
);

-- What the councils decided, as consumed from deliberation.resolutions (step 4 gate of F6).
create table council_decision (
    decision_id     varchar(64)  primary key,
    outcome         varchar(8)   not null check (outcome in ('ADOPTED', 'REJECTED')),
    community_code  varchar(32)  not null,
    subject_type    varchar(20)  not null,
    subject_ref     varchar(64),
    title           varchar(500) not null,
    reason          varchar(1000),
    decided_at      timestamptz  not null
);
create index council_decision_by_subject on council_decision (subject_type, subject_ref);

-- ---------------------------------------------------------------------------------------------
-- One household, one vote (F7): approval ballots per round; the tally is kept in the same
-- transaction as the ballots, so it is live and exact.
create table vote_round (
    id              uuid         primary key,
    community_code  varchar(32)  not null,
    title           varchar(500) not null,
    candidates      uuid[]       not null,
    status          varchar(8)   not null check (status in ('OPEN', 'CLOSED')),
    ballots         bigint       not null default 0,
    online_ballots  bigint       not null default 0,
    paper_ballots   bigint       not null default 0,
    opened_by       varchar(200) not null,
    opened_at       timestamptz  not null,
    closed_at       timestamptz
);
create index vote_round_by_community on vote_round (community_code, opened_at);

create table vote_tally (
    round_id    uuid   not null references vote_round (id),
    project_id  uuid   not null,
    approvals   bigint not null default 0,
    primary key (round_id, project_id)
);

create table ballot (
    round_id        uuid        not null,
    household_code  varchar(32) not null,
    channel         varchar(8)  not null check (channel in ('ONLINE', 'PAPER')),
    approvals       uuid[]      not null,
    recorded_by     varchar(200) not null,
    recorded_at     timestamptz not null,
    primary key (round_id, household_code)
);

-- ---------------------------------------------------------------------------------------------
-- Micro-funds (F9): who gave is kept here, never on the public ledger.
create table donation (
    id              uuid         primary key,
    community_code  varchar(32)  not null,
    fund_year       integer      not null,
    donor_type      varchar(20)  not null,
    donor_name      varchar(200) not null,
    amount_fen      bigint       not null check (amount_fen > 0),
    purpose         varchar(500) not null,
    entry_id        uuid         not null,
    recorded_by     varchar(200) not null,
    recorded_at     timestamptz  not null
);

create table grant_award (
    id              uuid         primary key,
    community_code  varchar(32)  not null,
    fund_year       integer      not null,
    org_code        varchar(32)  not null,
    amount_fen      bigint       not null check (amount_fen > 0),
    purpose         varchar(500) not null,
    entry_id        uuid         not null,
    recorded_by     varchar(200) not null,
    recorded_at     timestamptz  not null
);
