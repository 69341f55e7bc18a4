-- F7: a paper entry names the paper sheet (or stack) it was read from; who entered it is recorded_by.
alter table ballot add column sheet varchar(32);

-- F7: a paper entry made in error is voided by a second person, with a reason, while the round is
-- open. The entry leaves ballot (so the household may be entered again, and the tallies, which count
-- what is in ballot, exclude it) and is kept here with who voided it, when and why.
create table voided_ballot (
    id              uuid          primary key,
    round_id        uuid          not null references vote_round (id),
    household_code  varchar(32)   not null,
    channel         varchar(8)    not null check (channel in ('ONLINE', 'PAPER')),
    approvals       uuid[]        not null,
    sheet           varchar(32),
    recorded_by     varchar(200)  not null,
    recorded_at     timestamptz   not null,
    voided_by       varchar(200)  not null,
    voided_at       timestamptz   not null,
    void_reason     varchar(1000) not null,
    check (voided_by <> recorded_by)
);
create index voided_ballot_by_household on voided_ballot (round_id, household_code, voided_at);

-- F7 turnout: the registered (active) households of the community when the round closed; an open
-- round is measured against the replica's households as they are now.
alter table vote_round add column registered_households integer;

-- F3: a household count declared for a community and fund year (by the city, or the community's
-- district operator, with a reason); the latest declaration is in force, earlier ones are its history.
create table household_count_declaration (
    seq             bigserial     primary key,
    community_code  varchar(32)   not null,
    fund_year       integer       not null,
    households      integer       not null check (households >= 0),
    reason          varchar(1000) not null,
    declared_by     varchar(200)  not null,
    declared_at     timestamptz   not null
);
create index household_count_in_force on household_count_declaration (fund_year, community_code, seq desc);

-- F3: which household count an allocation used: DECLARED (then the declaration's seq) or REGISTRY
-- (the registry's registered count). Allocations made before were all REGISTRY.
alter table allocation add column household_source varchar(16) not null default 'REGISTRY'
    check (household_source in ('REGISTRY', 'DECLARED'));
alter table allocation add column household_declaration bigint;
