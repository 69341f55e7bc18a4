-- Participatory evaluation (E1-E6).

-- Framework versions (E1): the whole version as one JSON document; immutable once used.
create table framework (
    version      varchar(64)  primary key,
    title        varchar(200) not null,
    provisional  boolean      not null,
    body         jsonb        not null,
    imported_by  varchar(100) not null,
    imported_at  timestamptz  not null,
    used_at      timestamptz                        -- first evaluation that used it: from then on immutable
);

-- Grant projects as grants published them: who may not evaluate them (E3), and their dates.
create table project (
    project_id        varchar(64)  primary key,
    call_id           varchar(64),
    application_id    varchar(64),
    title             varchar(500) not null,
    organisation_code varchar(64)  not null,
    target_code       varchar(32)  not null,
    district_code     varchar(32),
    starts_on         date         not null,
    ends_on           date         not null,
    reviewer_ids      text[]       not null default '{}',
    supervision_team  text[]       not null default '{}',
    closed_at         timestamptz,
    outcome           varchar(16),
    updated_at        timestamptz  not null
);
create index project_by_call on project (call_id);

create table evaluation (
    id                   uuid         primary key,
    project_id           varchar(64)  not null,
    call_id              varchar(64),
    organisation_code    varchar(64)  not null,
    community_code       varchar(32)  not null,
    kind                 varchar(16)  not null,
    title                varchar(500) not null,
    framework_version    varchar(64)  not null references framework (version),
    visible_from         date         not null,      -- E4: the organisation sees the framework from the project's start
    window_opens_on      date         not null,
    window_closes_on     date         not null,
    evaluators_wanted    integer      not null,      -- frozen from the setting when it opened
    appeal_window_days   integer      not null,      -- frozen from the setting when it opened (E5)
    status               varchar(16)  not null,
    created_by           varchar(100) not null,
    created_at           timestamptz  not null,
    cancelled_reason     varchar(1000),
    released_at          timestamptz,
    released_by          varchar(100),
    appeal_closes_at     timestamptz,
    result               jsonb,                      -- domain scores, overall, grade at release
    completed_at         timestamptz,
    revision             bigint       not null default 0
);
-- one mid-term and one final evaluation per project; on-demand ones as many as asked for
create unique index evaluation_one_per_kind on evaluation (project_id, kind) where kind <> 'ON_DEMAND';
create index evaluation_by_call on evaluation (call_id, kind);
create index evaluation_by_org on evaluation (organisation_code);
create index evaluation_window_due on evaluation (appeal_closes_at) where status = 'RELEASED';

-- Assignments of evaluators (E2, E3); removal keeps the row, history in assignment_change.
create table assignment (
    evaluation_id  uuid         not null references evaluation (id),
    evaluator_id   varchar(100) not null,
    active         boolean      not null,
    assigned_by    varchar(100) not null,
    assigned_at    timestamptz  not null,
    removed_by     varchar(100),
    removed_at     timestamptz,
    removed_reason varchar(1000),
    primary key (evaluation_id, evaluator_id)
);
create index assignment_by_evaluator on assignment (evaluator_id) where active;

create table assignment_change (
    id             bigserial    primary key,
    evaluation_id  uuid         not null references evaluation (id),
    evaluator_id   varchar(100) not null,
    action         varchar(16)  not null,           -- ASSIGNED, REMOVED
    changed_by     varchar(100) not null,
    changed_at     timestamptz  not null,
    reason         varchar(1000)
);
create index assignment_change_by_evaluation on assignment_change (evaluation_id, id);

-- One scoresheet per evaluator and evaluation (E5).
create table sheet (
    id                   uuid         primary key,
    evaluation_id        uuid         not null references evaluation (id),
    evaluator_id         varchar(100) not null,
    status               varchar(16)  not null,      -- DRAFT, SUBMITTED
    revision             bigint       not null,      -- every change on the server raises it
    client_id            uuid         unique,        -- the offline batch's own id: a retry never makes a second sheet
    client_started_at    timestamptz,
    client_submitted_at  timestamptz,
    submitted_at         timestamptz,
    feedback             varchar(4000),
    updated_at           timestamptz  not null,
    unique (evaluation_id, evaluator_id)
);

create table sheet_level (
    sheet_id      uuid          not null references sheet (id),
    indicator_id  varchar(16)   not null,
    level         smallint      not null check (level between 0 and 4),
    evidence      text[]        not null default '{}',
    notes         varchar(2000),
    recorded_at   timestamptz,
    primary key (sheet_id, indicator_id)
);

create table sheet_qa (
    id         bigserial     primary key,
    sheet_id   uuid          not null references sheet (id),
    question   varchar(2000) not null,
    answer     varchar(2000),
    asked_at   timestamptz
);
create index sheet_qa_by_sheet on sheet_qa (sheet_id, id);

-- Revisions of submitted levels, after moderation or an upheld appeal (E6, E5): audited.
create table sheet_revision (
    id            bigserial     primary key,
    sheet_id      uuid          not null references sheet (id),
    indicator_id  varchar(16)   not null,
    old_level     smallint      not null,
    new_level     smallint      not null,
    reason        varchar(1000) not null,
    cause         varchar(16)   not null,         -- MODERATION, APPEAL
    revised_by    varchar(100)  not null,
    revised_at    timestamptz   not null
);
create index sheet_revision_by_sheet on sheet_revision (sheet_id, id);

create table moderation_note (
    id             bigserial     primary key,
    evaluation_id  uuid          not null references evaluation (id),
    moderator      varchar(100)  not null,
    note           varchar(4000) not null,
    noted_at       timestamptz   not null
);
create index moderation_note_by_evaluation on moderation_note (evaluation_id, id);

-- The organisation's responses and its appeal (E5).
create table org_response (
    id             bigserial     primary key,
    evaluation_id  uuid          not null references evaluation (id),
    text           varchar(4000) not null,
    responded_by   varchar(100)  not null,
    responded_at   timestamptz   not null
);

create table appeal (
    evaluation_id    uuid          primary key references evaluation (id),
    reason           varchar(4000) not null,
    opened_by        varchar(100)  not null,
    opened_at        timestamptz   not null,
    upheld           boolean,
    decision_reason  varchar(4000),
    decided_by       varchar(100),
    decided_at       timestamptz
);
