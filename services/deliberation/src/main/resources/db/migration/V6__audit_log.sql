-- The audit log of deliberation actions: who did what, when, to which subjects. Appended in the
-- transaction of the action; never updated or deleted (the trigger refuses both, and truncation).
-- It never holds who took a ballot credential (the ballot box keeps that, and only that) nor
-- anything that links a ballot to a person.
create table audit_entry (
    seq             bigint        generated always as identity primary key,
    at              timestamptz   not null,
    actor           varchar(200)  not null,
    community_code  varchar(32)   not null,
    action          varchar(64)   not null,
    subject_type    varchar(32)   not null,
    subject_id      varchar(64)   not null,
    related         varchar(400),
    detail          varchar(500)
);
create index audit_entry_by_community on audit_entry (community_code, at desc, seq desc);
create index audit_entry_by_time on audit_entry (at desc, seq desc);

create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_entry_no_update_delete before update or delete on audit_entry
    for each row execute function audit_entry_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_append_only();
