-- The certificates training has announced on training.certifications (T3), one row per certificate
-- in the state its latest event left it. Grants and evaluation assign people from here (E2, G5).
create table certificate_copy (
    certificate_code    varchar(40)  primary key,
    person_id           varchar(255) not null,
    holder_name         varchar(200) not null,
    holder_organisation varchar(64),
    scheme              varchar(64)  not null,
    valid_from          timestamptz  not null,
    valid_until         timestamptz  not null,
    status              varchar(16)  not null check (status in ('CURRENT', 'EXPIRED', 'SUSPENDED', 'REVOKED')),
    reason              varchar(500),
    last_event_at       timestamptz  not null
);

create index certificate_copy_person on certificate_copy (person_id, scheme);
create index certificate_copy_scheme on certificate_copy (scheme, valid_until) where status = 'CURRENT';
