-- Kernel tables every service carries, migrated before the service's own V1.

-- Transactional outbox: written in the same transaction as the state change, published by the relay.
create table outbox_message (
    seq            bigserial    primary key,          -- publication order
    id             uuid         not null unique,      -- CloudEvents id
    topic          varchar(200) not null,
    record_key     varchar(200) not null,
    partition_key  varchar(64)  not null,             -- community code: per-community order
    ce_type        varchar(200) not null,
    ce_subject     varchar(64)  not null,
    payload        jsonb        not null,
    occurred_at    timestamptz  not null,
    sent_at        timestamptz,
    attempts       integer      not null default 0,
    last_error     varchar(1000)
);
create index outbox_message_pending on outbox_message (seq) where sent_at is null;

-- Idempotent consumers: an event id is recorded in the same transaction as its effect.
create table processed_event (
    event_id      uuid         primary key,
    topic         varchar(200) not null,
    processed_at  timestamptz  not null default now()
);
