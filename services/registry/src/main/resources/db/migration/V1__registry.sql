-- Registry: the territory (P1) and who lives where. Built for ~40,000 communities and ~8 million
-- households: natural composite keys (community first) so every per-community list is a range scan,
-- one index per list filter with the code as tie-breaker so paging stays index-ordered.

-- Trigram index for the free-text community search (?q=); pg_trgm is a trusted extension since PG 13.
create extension if not exists pg_trgm;

create table district (
    code  varchar(32)  primary key,
    name  varchar(120) not null,
    tier  varchar(16)  not null check (tier in ('MAIN_URBAN', 'NEAR_SUBURB', 'FAR_SUBURB'))
);
create index district_by_name on district (name, code);
create index district_by_tier on district (tier, code);

create table street (
    code           varchar(32)  primary key,
    name           varchar(120) not null,
    district_code  varchar(32)  not null references district (code)
);
create index street_by_district on street (district_code, code);
create index street_by_name on street (name, code);

create table community (
    code                   varchar(32)  primary key,
    name                   varchar(120) not null,
    kind                   varchar(8)   not null check (kind in ('URBAN', 'RURAL')),
    street_code            varchar(32)  not null references street (code),
    -- copied from the street: a street never changes district, and filtering 40,000 communities by
    -- district must not need a join
    district_code          varchar(32)  not null references district (code),
    registered_households  integer      not null check (registered_households >= 0),
    stage                  smallint     not null check (stage between 1 and 6),
    revision               bigint       not null,
    updated_at             timestamptz  not null
);
create index community_by_district on community (district_code, code);
create index community_by_street on community (street_code, code);
create index community_by_kind on community (kind, code);
create index community_by_stage on community (stage, code);
create index community_by_name on community (name, code);
create index community_by_households on community (registered_households, code);
create index community_code_prefix on community (code varchar_pattern_ops);
create index community_name_search on community using gin (name gin_trgm_ops);

create table resident_group (
    community_code  varchar(32)  not null references community (code),
    code            varchar(32)  not null,
    name            varchar(120) not null,
    primary key (community_code, code)
);

create table courtyard (
    community_code  varchar(32)  not null references community (code),
    code            varchar(32)  not null,
    name            varchar(120) not null,
    group_code      varchar(32),
    primary key (community_code, code),
    foreign key (community_code, group_code) references resident_group (community_code, code)
);
create index courtyard_by_group on courtyard (community_code, group_code);

create table household (
    community_code  varchar(32) not null references community (code),
    code            varchar(32) not null,
    group_code      varchar(32) not null,
    courtyard_code  varchar(32),
    active          boolean     not null,
    revision        bigint      not null,
    updated_at      timestamptz not null,
    primary key (community_code, code),
    foreign key (community_code, group_code) references resident_group (community_code, code),
    foreign key (community_code, courtyard_code) references courtyard (community_code, code)
);
create index household_by_group on household (community_code, group_code, code);
create index household_by_courtyard on household (community_code, courtyard_code, code);

create table organisation (
    community_code  varchar(32)  not null references community (code),
    code            varchar(32)  not null,
    name            varchar(120) not null,
    type            varchar(24)  not null check (type in ('PARTY_ORGANISATION', 'COMMITTEE', 'SOCIAL_ORGANISATION',
                                                         'SELF_ORGANISATION', 'SOCIAL_ENTERPRISE', 'FOUNDATION')),
    primary key (community_code, code)
);
-- P4 backstop: at most one party organisation and one committee per community, even under races
create unique index organisation_one_leading_per_community on organisation (community_code, type)
    where type in ('PARTY_ORGANISATION', 'COMMITTEE');
