-- The registry replica every service keeps (yingzao-replica): communities with their resident
-- groups and courtyards, and households, from the compacted topics registry.communities and
-- registry.households. A snapshot replaces what is held only when its revision is higher.
create table replica_community (
    code                   varchar(32)  primary key,
    name                   varchar(200) not null,
    kind                   varchar(8)   not null,
    district_code          varchar(32)  not null,
    district_tier          varchar(16)  not null,
    street_code            varchar(32),
    registered_households  integer      not null,
    stage                  smallint     not null,
    revision               bigint       not null,
    updated_at             timestamptz
);
create index replica_community_by_district on replica_community (district_code, code);

create table replica_group (
    community_code  varchar(32)  not null references replica_community (code),
    code            varchar(32)  not null,
    name            varchar(200) not null,
    primary key (community_code, code)
);

create table replica_courtyard (
    community_code  varchar(32)  not null references replica_community (code),
    code            varchar(32)  not null,
    name            varchar(200) not null,
    group_code      varchar(32),
    primary key (community_code, code)
);

-- Households arrive on their own topic, possibly before their community: no foreign key.
create table replica_household (
    community_code  varchar(32)  not null,
    code            varchar(32)  not null,
    group_code      varchar(32)  not null,
    courtyard_code  varchar(32),
    active          boolean      not null,
    revision        bigint       not null,
    updated_at      timestamptz,
    primary key (community_code, code)
);
