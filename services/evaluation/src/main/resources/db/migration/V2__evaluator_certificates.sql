-- The local copy of training.certifications this service reads for its evaluator pool (E2).
create table evaluator_certificate (
    certificate_code     varchar(64)  primary key,
    person_id            varchar(100) not null,
    holder_name          varchar(200),
    holder_organisation  varchar(64),
    scheme               varchar(64)  not null,
    status               varchar(16)  not null,
    valid_from           timestamptz,
    valid_until          timestamptz  not null,
    occurred_at          timestamptz  not null
);
create index evaluator_certificate_by_person on evaluator_certificate (person_id, scheme);
