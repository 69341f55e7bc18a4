-- Organisations of communities (P4), from the compacted topic registry.organisations. Grants checks
-- an applicant's type and registration age against them (G2). Like households, they may arrive
-- before their community: no foreign key.
create table replica_organisation (
    community_code  varchar(32)  not null,
    code            varchar(64)  not null,
    name            varchar(200) not null,
    type            varchar(32)  not null,
    registered_on   date         not null,
    active          boolean      not null,
    revision        bigint       not null,
    updated_at      timestamptz,
    primary key (community_code, code)
);

-- an agency's org claim names the code alone
create index replica_organisation_code on replica_organisation (code);
