-- Grants (issue 12, rules G1-G7). Money in integer fen (bigint); times timestamptz (UTC); days are
-- Asia/Shanghai dates.

-- G1: a funding programme per year, with its budget and operating (hub) organisation
create table programme (
    year              int          primary key,
    title             varchar(300) not null,
    budget_fen        bigint       not null check (budget_fen >= 0),
    operator_org      varchar(64)  not null,
    created_by        varchar(128) not null,
    created_at        timestamptz  not null
);

-- G1, G2, G7: a call; what it asks is frozen when it is opened (tranche split, framework version)
create table grant_call (
    id                        uuid         primary key,
    programme_year            int          not null references programme (year),
    title                     varchar(300) not null,
    target_kind               varchar(16)  not null check (target_kind in ('COMMUNITY', 'STREET', 'DISTRICT')),
    districts_in_scope        varchar(32)[] not null,
    pivot_categories          varchar(32)[] not null,
    organisation_types        varchar(32)[] not null,
    min_registration_months   int          not null check (min_registration_months >= 0),
    max_amount_fen            bigint       not null check (max_amount_fen > 0),
    allow_multiple            boolean      not null,
    opens_on                  date         not null,
    closes_on                 date         not null,
    budget_fen                bigint       not null check (budget_fen > 0),
    rubric                    jsonb        not null,
    scale_max                 int          not null check (scale_max between 1 and 100),
    reviews_per_application   int          not null check (reviews_per_application between 1 and 20),
    disagreement_threshold    numeric(5,2) not null,
    certificate_scheme        varchar(64),
    tranche_split             varchar(64)  not null,
    framework_version         varchar(64)  not null,
    status                    varchar(16)  not null check (status in ('OPEN', 'IN_REVIEW', 'DECIDED')),
    created_by                varchar(128) not null,
    created_at                timestamptz  not null
);

-- G2: applications, drafts included
create table application (
    id                 uuid          primary key,
    call_id            uuid          not null references grant_call (id),
    organisation_code  varchar(64)   not null,
    target_kind        varchar(16)   not null,
    target_code        varchar(32)   not null,
    district_code      varchar(32),
    pivot_category     varchar(32)   not null,
    title              varchar(300)  not null,
    requested_fen      bigint        not null,
    budget             jsonb         not null,
    team               jsonb         not null,
    project_logic      text          not null,
    status             varchar(16)   not null check (status in ('DRAFT', 'SUBMITTED', 'WITHDRAWN', 'AWARDED', 'DECLINED')),
    submitted_at       timestamptz,
    created_by         varchar(128)  not null,
    created_at         timestamptz   not null,
    updated_at         timestamptz   not null
);
create index application_by_call on application (call_id, status);
create index application_by_org on application (organisation_code, call_id);

-- G2: the status timeline the agency sees
create table application_event (
    id              bigserial     primary key,
    application_id  uuid          not null references application (id),
    status          varchar(16)   not null,
    note            varchar(4000),
    actor           varchar(128)  not null,
    at              timestamptz   not null
);
create index application_event_by_application on application_event (application_id, id);

-- G3, G5: the people pools (reviewers, supervisors, experts) with what conflicts are computed from:
-- the organisations, communities and district of their token when they joined, or as an operator entered them
create table pool_member (
    person_id            varchar(128)  not null,
    pool                 varchar(16)   not null check (pool in ('REVIEWER', 'SUPERVISOR', 'EXPERT', 'SOCIAL_WORKER')),
    display_name         varchar(200),
    organisations        varchar(64)[] not null,
    communities          varchar(32)[] not null,
    district_code        varchar(32),
    past_organisations   varchar(64)[] not null,
    supervision_group_id uuid,
    added_by             varchar(128)  not null,
    added_at             timestamptz   not null,
    primary key (person_id, pool)
);

-- G5: the city team split into supervision groups by region and category
create table supervision_group (
    id              uuid          primary key,
    name            varchar(200)  not null,
    district_code   varchar(32),
    pivot_category  varchar(32),
    created_at      timestamptz   not null
);

-- G3: conflicts a reviewer declared
create table declared_conflict (
    person_id       varchar(128)  not null,
    application_id  uuid          not null references application (id),
    reason          varchar(2000) not null,
    at              timestamptz   not null,
    primary key (person_id, application_id)
);

-- G3: who reviews what; every manual change is audited in assignment_change
create table assignment (
    application_id  uuid          not null references application (id),
    person_id       varchar(128)  not null,
    assigned_by     varchar(128)  not null,
    assigned_at     timestamptz   not null,
    primary key (application_id, person_id)
);
create index assignment_by_person on assignment (person_id);

create table assignment_change (
    id              bigserial     primary key,
    application_id  uuid          not null,
    person_id       varchar(128)  not null,
    action          varchar(16)   not null check (action in ('AUTO', 'ADDED', 'REMOVED')),
    reason          varchar(2000),
    actor           varchar(128)  not null,
    at              timestamptz   not null
);

-- G3: one review per reviewer and application, scores per criterion on the call's scale
create table review (
    application_id  uuid          not null references application (id),
    person_id       varchar(128)  not null,
    scores          jsonb         not null,
    comments        jsonb         not null,
    submitted_at    timestamptz   not null,
    primary key (application_id, person_id),
    foreign key (application_id, person_id) references assignment (application_id, person_id)
);

-- G3/G4: the operator's decision per application (with a reason when it departs from the proposal)
create table award_decision (
    application_id   uuid          primary key references application (id),
    call_id          uuid          not null references grant_call (id),
    decision         varchar(16)   not null check (decision in ('AWARDED', 'DECLINED')),
    awarded_fen      bigint        not null,
    rank             int,
    proposed         boolean       not null,
    departure_reason varchar(2000),
    reviewer_ids     varchar(128)[] not null,
    decided_by       varchar(128)  not null,
    decided_at       timestamptz   not null
);

-- G4: an awarded application's project and its agreement
create table project (
    id                 uuid          primary key,
    application_id     uuid          not null unique references application (id),
    call_id            uuid          not null references grant_call (id),
    programme_year     int           not null,
    title              varchar(300)  not null,
    organisation_code  varchar(64)   not null,
    target_kind        varchar(16)   not null,
    target_code        varchar(32)   not null,
    district_code      varchar(32),
    pivot_category     varchar(32)   not null,
    awarded_fen        bigint        not null,
    status             varchar(16)   not null check (status in ('AWARDED', 'RUNNING', 'COMPLETED', 'TERMINATED')),
    agreement_signed_at timestamptz,
    starts_on          date,
    ends_on            date,
    framework_version  varchar(64)   not null,
    reviewer_ids       varchar(128)[] not null,
    created_at         timestamptz   not null
);
create index project_by_org on project (organisation_code);
create index project_by_target on project (target_code);

-- G4: the tranches of an agreement; the amounts add up to the award (the last takes the remainder)
create table tranche (
    project_id     uuid          not null references project (id),
    number         int           not null,
    percent        int           not null,
    amount_fen     bigint        not null,
    condition      varchar(32)   not null,
    status         varchar(16)   not null check (status in ('PENDING', 'HELD', 'RELEASED')),
    hold_reason    varchar(2100),                   -- an operator's reason (2000) after "operator hold: "
    updated_at     timestamptz   not null,
    primary key (project_id, number)
);

-- G4: a release happens once: the unique key makes a second one (redelivery, another replica) fail
create table tranche_release (
    project_id     uuid          not null,
    number         int           not null,
    amount_fen     bigint        not null,
    released_by    varchar(16)   not null check (released_by in ('AUTOMATIC', 'OPERATOR')),
    actor          varchar(128)  not null,
    reason         varchar(2000),
    evaluation_id  varchar(64),
    ledger_entry_id uuid         not null,
    released_at    timestamptz   not null,
    primary key (project_id, number),
    foreign key (project_id, number) references tranche (project_id, number)
);

-- G4: every hold and manual release, with its reason
create table tranche_action (
    id             bigserial     primary key,
    project_id     uuid          not null,
    number         int           not null,
    action         varchar(16)   not null,
    reason         varchar(2000) not null,
    actor          varchar(128)  not null,
    at             timestamptz   not null
);

-- G4: the programme's budget ledger, append-only and hash-chained (kernel HashChain)
create table budget_account (
    programme_year int           primary key references programme (year),
    balance_fen    bigint        not null,
    last_sequence  bigint        not null,
    last_hash      char(64)
);

create table budget_entry (
    id             uuid          primary key,
    programme_year int           not null,
    sequence       bigint        not null,
    kind           varchar(32)   not null,
    reference      varchar(128)  not null,
    memo           varchar(500)  not null,
    amount_fen     bigint        not null,
    balance_after_fen bigint     not null,
    posted_at      timestamptz   not null,
    previous_hash  char(64),
    hash           char(64)      not null,
    unique (programme_year, sequence)
);

create function grants_ledger_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the budget ledger is append-only (G4): % refused', tg_op;
end $$;
create trigger budget_entry_append_only before update or delete on budget_entry
    for each row execute function grants_ledger_is_append_only();

-- G5: the 1+1+1+1 team
create table supervision_seat (
    project_id   uuid          not null references project (id),
    role         varchar(32)   not null check (role in ('PROJECT_LEAD', 'UNIVERSITY_EXPERT', 'SENIOR_SUPERVISOR', 'SOCIAL_WORKER')),
    person_id    varchar(128)  not null,
    assigned_by  varchar(128)  not null,
    assigned_at  timestamptz   not null,
    primary key (project_id, role)
);
create index supervision_seat_by_person on supervision_seat (person_id);

-- G5: supervision logged by type
create table supervision_log (
    id           uuid          primary key,
    project_id   uuid          not null references project (id),
    type         varchar(32)   not null check (type in ('THEMATIC_ONLINE', 'BY_APPOINTMENT', 'ON_SITE', 'EXPERT_COLUMN', 'ROUTINE')),
    happened_on  date          not null,
    summary      varchar(4000) not null,
    person_id    varchar(128)  not null,
    at           timestamptz   not null
);

-- G6: action-research reports; attachments are references with a checksum
create table research_report (
    id           uuid          primary key,
    project_id   uuid          not null references project (id),
    title        varchar(300)  not null,
    period       varchar(64)   not null,
    body         text          not null,
    attachments  jsonb         not null,
    filed_by     varchar(128)  not null,
    filed_at     timestamptz   not null,
    reviewed_by  varchar(128),
    reviewed_at  timestamptz,
    review_note  varchar(4000)
);

-- G4: evaluation results as they arrived (held for the project view)
create table evaluation_result (
    evaluation_id   varchar(64)   primary key,
    project_id      varchar(64)   not null,
    kind            varchar(16)   not null,
    passed          boolean,
    appeal_open     boolean       not null,
    grade           varchar(16),
    at              timestamptz   not null
);
