-- Deliberation 协商议事: councils, proposals, meetings, secret ballots, resolutions, conventions.

-- ---------------------------------------------------------------------------------------------
-- Registry replica, kept from registry.communities / registry.households (compacted snapshots):
-- a snapshot replaces what is held only when its revision is higher.
create table community_replica (
    code           varchar(32)  primary key,
    name           varchar(200) not null,
    district_code  varchar(32)  not null,
    revision       bigint       not null
);

create table group_replica (
    community_code varchar(32)  not null references community_replica (code),
    code           varchar(32)  not null,
    name           varchar(200) not null,
    primary key (community_code, code)
);

create table courtyard_replica (
    community_code varchar(32)  not null references community_replica (code),
    code           varchar(32)  not null,
    name           varchar(200) not null,
    group_code     varchar(32),
    primary key (community_code, code)
);

create table household_replica (
    community_code varchar(32)  not null,
    code           varchar(32)  not null,
    group_code     varchar(32)  not null,
    courtyard_code varchar(32),
    active         boolean      not null,
    revision       bigint       not null,
    primary key (community_code, code)
);

-- ---------------------------------------------------------------------------------------------
-- Councils 议事会 (D1-D3, D11) and their elections.
create table council (
    id              uuid         primary key,
    community_code  varchar(32)  not null references community_replica (code),
    level           varchar(16)  not null check (level in ('COMMUNITY', 'GROUP', 'COURTYARD')),
    unit_code       varchar(32)  not null,   -- community code, group code or courtyard code
    name            varchar(200) not null,
    constituted_at  timestamptz,
    created_at      timestamptz  not null,
    unique (community_code, level, unit_code)
);
create index council_by_community on council (community_code);

create table election (
    id              uuid         primary key,
    council_id      uuid         not null references council (id),
    held_on         date         not null,
    seats           integer      not null check (seats > 0),
    voters          integer      not null check (voters >= 0),
    term_start      date         not null,
    term_end        date         not null,
    recorded_by     varchar(200) not null,
    recorded_at     timestamptz  not null
);
create index election_by_council on election (council_id);

create table election_candidate (
    election_id     uuid         not null references election (id),
    person_id       varchar(200) not null,
    group_code      varchar(32),
    cadre           boolean      not null,
    votes           integer      not null check (votes >= 0),
    elected         boolean      not null,
    primary key (election_id, person_id)
);

create table seat (
    id              uuid         primary key,
    council_id      uuid         not null references council (id),
    person_id       varchar(200) not null,
    group_code      varchar(32),
    cadre           boolean      not null,
    term_start      date         not null,
    term_end        date         not null,
    election_id     uuid         references election (id),
    vacated_at      timestamptz,
    vacated_reason  varchar(500)
);
create unique index seat_one_per_person on seat (council_id, person_id) where vacated_at is null;
create index seat_by_person on seat (person_id) where vacated_at is null;

-- ---------------------------------------------------------------------------------------------
-- Proposals 议题 (D4, D5, D10).
create table proposal (
    id              uuid          primary key,
    council_id      uuid          not null references council (id),
    community_code  varchar(32)   not null,
    title           varchar(500)  not null,
    body            varchar(5000) not null,
    subject_type    varchar(16)   not null check (subject_type in ('FUND_PROJECT', 'CONVENTION', 'GENERAL')),
    subject_ref     varchar(64),
    proposer_kind   varchar(24)   not null,
    filed_by        varchar(200)  not null,
    status          varchar(24)   not null,
    filed_at        timestamptz   not null,
    reviewed_by     varchar(200),
    reviewed_at     timestamptz,
    review_reason   varchar(2000)
);
create index proposal_by_council on proposal (council_id, filed_at);

create table proposal_signature (
    proposal_id     uuid          not null references proposal (id),
    person_id       varchar(200)  not null,
    household_code  varchar(32)   not null,
    signed_at       timestamptz   not null,
    primary key (proposal_id, person_id)
);

-- ---------------------------------------------------------------------------------------------
-- Meetings 议事会议 (D6, D13).
create table meeting (
    id                    uuid          primary key,
    council_id            uuid          not null references council (id),
    community_code        varchar(32)   not null,
    title                 varchar(500)  not null,
    scheduled_at          timestamptz   not null,
    chair_person_id       varchar(200)  not null,
    status                varchar(16)   not null,
    opened_at             timestamptz,
    closed_at             timestamptz,
    minutes_published_at  timestamptz,
    minutes               text
);
create index meeting_by_council on meeting (council_id, scheduled_at);

create table agenda_item (
    id              uuid          primary key,
    meeting_id      uuid          not null references meeting (id),
    proposal_id     uuid          not null references proposal (id),
    position        integer       not null,
    status          varchar(16)   not null,
    unique (meeting_id, position),
    unique (proposal_id)
);

create table attendance (
    meeting_id      uuid          not null references meeting (id),
    person_id       varchar(200)  not null,
    present         boolean       not null,
    signed_in_at    timestamptz   not null,
    signed_in_by    varchar(200)  not null,
    left_at         timestamptz,
    primary key (meeting_id, person_id)
);

-- A motion 动议 or an amendment 修正案 (parent_id = the motion it amends).
create table motion (
    id              uuid          primary key,
    meeting_id      uuid          not null references meeting (id),
    item_id         uuid          not null references agenda_item (id),
    parent_id       uuid          references motion (id),
    text            varchar(2000) not null,
    moved_by        varchar(200)  not null,
    status          varchar(16)   not null,
    moved_at        timestamptz   not null,
    yes             integer,
    no              integer,
    abstain         integer,
    membership      integer,
    result_reason   varchar(500),
    decided_at      timestamptz
);
create index motion_by_item on motion (item_id, moved_at);

create table floor_request (
    motion_id       uuid          not null references motion (id),
    person_id       varchar(200)  not null,
    side            varchar(8)    not null check (side in ('FOR', 'AGAINST')),
    requested_at    timestamptz   not null,
    seq             integer       not null,
    primary key (motion_id, seq)
);

create table speech (
    motion_id       uuid          not null references motion (id),
    seq             integer       not null,
    person_id       varchar(200)  not null,
    side            varchar(8)    not null,
    started_at      timestamptz   not null,
    ended_at        timestamptz,
    seconds         integer,
    cut_off         boolean       not null default false,
    primary key (motion_id, seq)
);

-- ---------------------------------------------------------------------------------------------
-- Secret ballot 无记名投票 (D7, D8) with RSA blind signatures. Nothing here links a ballot to a
-- member: issuance knows who took a credential, never which ballot it became; ballots carry no
-- member, no time and no sequence, and are re-inserted in random order when the box closes.
create table ballot_box (
    motion_id        uuid          primary key references motion (id),
    modulus          text          not null,     -- n, decimal
    public_exponent  text          not null,     -- e, decimal
    private_exponent text,                       -- d, decimal; null once the box is closed
    status           varchar(8)    not null check (status in ('OPEN', 'CLOSED')),
    yes              integer,
    no               integer,
    abstain          integer,
    issued           integer,
    uncast           integer,
    receipts         text                        -- JSON array of SHA-256(ballotId), sorted
);

create table credential_issuance (
    motion_id       uuid          not null references ballot_box (motion_id),
    person_id       varchar(200)  not null,
    primary key (motion_id, person_id)
);

create table ballot (
    ballot_id       uuid          primary key,
    motion_id       uuid          not null references ballot_box (motion_id),
    choice          varchar(8)    not null check (choice in ('YES', 'NO', 'ABSTAIN')),
    token_hash      varchar(64)   not null unique
);
create index ballot_by_motion on ballot (motion_id);

-- ---------------------------------------------------------------------------------------------
-- Resolutions 决议 and publicity 公示 (D9).
create table resolution (
    id               uuid          primary key,
    motion_id        uuid          not null unique references motion (id),
    council_id       uuid          not null references council (id),
    community_code   varchar(32)   not null,
    council_level    varchar(16)   not null,
    subject_type     varchar(16)   not null,
    subject_ref      varchar(64),
    subject_version  integer,
    title            varchar(2000) not null,
    yes              integer       not null,
    no               integer       not null,
    abstain          integer       not null,
    membership       integer       not null,
    status           varchar(16)   not null check (status in ('PUBLISHED', 'ADOPTED')),
    published_at     timestamptz   not null,
    publicity_days   integer       not null,
    adopt_at         timestamptz   not null,
    adopted_at       timestamptz
);
create index resolution_due on resolution (adopt_at) where status = 'PUBLISHED';
create index resolution_by_community on resolution (community_code, published_at);

create table objection (
    id               uuid          primary key,
    resolution_id    uuid          not null references resolution (id),
    person_id        varchar(200)  not null,
    text             varchar(2000) not null,
    filed_at         timestamptz   not null,
    response         varchar(2000),
    responded_by     varchar(200),
    responded_at     timestamptz
);
create index objection_by_resolution on objection (resolution_id, filed_at);

-- ---------------------------------------------------------------------------------------------
-- Conventions 村规民约/社区公约/院落公约/林盘公约 (D12) and courtyard checklists 三有一公开 (D11).
create table convention (
    id               uuid          primary key,
    community_code   varchar(32)   not null references community_replica (code),
    kind             varchar(24)   not null,
    courtyard_code   varchar(32),
    title            varchar(500)  not null,
    created_at       timestamptz   not null
);
create index convention_by_community on convention (community_code);

create table convention_version (
    convention_id    uuid          not null references convention (id),
    version          integer       not null,
    text             text          not null,
    status           varchar(16)   not null check (status in ('DRAFT', 'ADOPTED', 'SUPERSEDED')),
    drafted_by       varchar(200)  not null,
    drafted_at       timestamptz   not null,
    resolution_id    uuid          references resolution (id),
    adopted_at       timestamptz,
    primary key (convention_id, version)
);

create table courtyard_checklist (
    community_code   varchar(32)   not null,
    courtyard_code   varchar(32)   not null,
    has_organisation boolean       not null,
    has_compact      boolean       not null,
    has_activities   boolean       not null,
    affairs_public   boolean       not null,
    note             varchar(1000),
    updated_by       varchar(200)  not null,
    updated_at       timestamptz   not null,
    primary key (community_code, courtyard_code)
);
