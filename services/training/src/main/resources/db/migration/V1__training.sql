-- Training 培训 (T1-T4): institutions, courses with versions, sessions with meetings, enrolments with
-- an ordered waitlist, attendance, completions, certification schemes, certificates with their
-- history, and the community-building map (profiles, outcomes from other services' events, tours).

create table institution (
    code        varchar(32)  primary key,
    name        varchar(200) not null,
    kind        varchar(24)  not null,
    created_at  timestamptz  not null default now()
);

create table course (
    code                  varchar(32)   not null,
    version               integer       not null check (version >= 1),
    institution_code      varchar(32)   not null references institution (code),
    title                 varchar(200)  not null,
    kind                  varchar(16)   not null,
    delivery              varchar(16)   not null,
    hours                 integer       not null check (hours > 0),
    description           varchar(2000),
    audience_roles        text[]        not null default '{}',
    prerequisites         text[]        not null default '{}',
    min_attendance_share  numeric(4,3)  not null check (min_attendance_share between 0 and 1),
    pass_score            integer       check (pass_score between 0 and 100),
    created_by            varchar(100)  not null,
    created_at            timestamptz   not null,
    primary key (code, version)
);

create table training_session (
    id              uuid          primary key,
    course_code     varchar(32)   not null,
    course_version  integer       not null,
    title           varchar(200)  not null,
    trainer_id      varchar(100)  not null,
    place           varchar(300),
    online_link     varchar(500),
    capacity        integer       not null check (capacity >= 1),
    status          varchar(12)   not null,
    created_at      timestamptz   not null,
    closed_at       timestamptz,
    foreign key (course_code, course_version) references course (code, version)
);
create index training_session_by_trainer on training_session (trainer_id);
create index training_session_open on training_session (status, created_at);

create table meeting (
    id          uuid        primary key,
    session_id  uuid        not null references training_session (id),
    seq         integer     not null,
    starts_at   timestamptz not null,
    ends_at     timestamptz not null,
    unique (session_id, seq)
);

create table learner (
    person_id     varchar(100) primary key,
    display_name  varchar(200) not null,
    organisation  varchar(64),
    updated_at    timestamptz  not null
);

create sequence enrolment_order;
create table enrolment (
    session_id       uuid          not null references training_session (id),
    person_id        varchar(100)  not null,
    state            varchar(12)   not null,
    queue_position   bigint        not null default nextval('enrolment_order'),
    enrolled_by      varchar(100)  not null,
    enrolled_at      timestamptz   not null,
    score            integer       check (score between 0 and 100),
    completed        boolean,
    completion_note  varchar(2000),
    primary key (session_id, person_id)
);
create index enrolment_by_person on enrolment (person_id);
create index enrolment_waitlist on enrolment (session_id, state, queue_position);

create table attendance (
    meeting_id  uuid          not null references meeting (id),
    person_id   varchar(100)  not null,
    how         varchar(8)    not null,
    marked_by   varchar(100)  not null,
    marked_at   timestamptz   not null,
    primary key (meeting_id, person_id)
);

create table self_mark_code (
    meeting_id  uuid         not null references meeting (id),
    code        varchar(12)  not null,
    issued_by   varchar(100) not null,
    issued_at   timestamptz  not null,
    expires_at  timestamptz  not null,
    current     boolean      not null,
    primary key (meeting_id, code)
);

create table completion (
    person_id       varchar(100) not null,
    course_code     varchar(32)  not null,
    course_version  integer      not null,
    session_id      uuid         references training_session (id),
    completed_at    timestamptz  not null,
    primary key (person_id, course_code, course_version)
);

create table scheme (
    code              varchar(40)  primary key,
    name              varchar(200) not null,
    refresher_course  varchar(32)
);

create table scheme_course (
    scheme_code  varchar(40) not null references scheme (code),
    course_code  varchar(32) not null,
    min_version  integer     not null,
    primary key (scheme_code, course_code)
);

create table assessment (
    id           bigserial    primary key,
    scheme_code  varchar(40)  not null references scheme (code),
    person_id    varchar(100) not null,
    score        integer      not null check (score between 0 and 100),
    assessed_by  varchar(100) not null,
    assessed_at  timestamptz  not null
);
create index assessment_by_person on assessment (person_id, scheme_code, assessed_at);

create table certificate (
    code                 varchar(24)   primary key,
    person_id            varchar(100)  not null,
    scheme_code          varchar(40)   not null references scheme (code),
    holder_name          varchar(200)  not null,
    holder_organisation  varchar(64),
    valid_from           timestamptz   not null,
    valid_until          timestamptz   not null,
    status               varchar(12)   not null,
    window_days          integer       not null,
    granted_at           timestamptz   not null,
    granted_how          varchar(12)   not null,
    status_reason        varchar(1000),
    updated_at           timestamptz   not null
);
-- one certificate in force per person and scheme
create unique index certificate_one_in_force on certificate (person_id, scheme_code) where status in ('ACTIVE', 'SUSPENDED');
create index certificate_due on certificate (valid_until) where status in ('ACTIVE', 'SUSPENDED');
create index certificate_by_person on certificate (person_id);

create table certificate_history (
    id                bigserial     primary key,
    certificate_code  varchar(24)   not null references certificate (code),
    event             varchar(16)   not null,
    valid_from        timestamptz   not null,
    valid_until       timestamptz   not null,
    reason            varchar(1000),
    evidence          varchar(2000),
    recorded_by       varchar(100)  not null,
    recorded_at       timestamptz   not null
);
create index certificate_history_by_code on certificate_history (certificate_code, id);

-- T4: the map. Coordinates are the profile's own (the registry replica holds none).
create table map_profile (
    community_code  varchar(32)   primary key,
    history         varchar(4000),
    culture         varchar(4000),
    specialities    varchar(2000),
    resources       varchar(2000),
    pivot_category  varchar(24),
    latitude        double precision,
    longitude       double precision,
    updated_by      varchar(100)  not null,
    updated_at      timestamptz   not null
);

create table map_outcome (
    source          varchar(16)   not null,
    ref             varchar(64)   not null,
    community_code  varchar(32)   not null,
    title           varchar(500),
    detail          varchar(200),
    occurred_at     timestamptz   not null,
    primary key (source, ref)
);
create index map_outcome_by_community on map_outcome (community_code, occurred_at desc);

create table study_tour (
    id           uuid          primary key,
    title        varchar(200)  not null,
    theme        varchar(500)  not null,
    communities  text[]        not null,
    created_by   varchar(100)  not null,
    created_at   timestamptz   not null
);
