-- Organisations are published on registry.organisations (OrganisationSnapshotV1) so grants can check
-- an applicant's type and registration age (G2) from its own copy. They get the day they were
-- registered (with civil affairs; the day they entered the registry when nobody said), a revision
-- and the time of their last change.
alter table organisation add column registered_on date not null default current_date;
alter table organisation add column revision bigint not null default 1;
alter table organisation add column updated_at timestamptz not null default now();

-- What was registered before this script had never been announced: its first snapshot goes out
-- through the outbox, like any other change.
insert into outbox_message (id, topic, record_key, partition_key, ce_type, ce_subject, payload, occurred_at)
select gen_random_uuid(), 'registry.organisations', o.community_code || ':' || o.code, o.community_code,
       'city.yingzao.registry.OrganisationSnapshot.v1', o.community_code,
       jsonb_build_object('code', o.code, 'communityCode', o.community_code, 'name', o.name, 'type', o.type,
                          'registeredOn', to_char(o.registered_on, 'YYYY-MM-DD'), 'active', true,
                          'revision', o.revision,
                          'updatedAt', to_char(o.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')),
       now()
from organisation o
order by o.community_code, o.code;
