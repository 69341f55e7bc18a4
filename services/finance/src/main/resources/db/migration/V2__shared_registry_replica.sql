-- The registry replica moves to the shared library yingzao-replica (tables replica_*, its V0_10).
-- What this service held is copied at revision 0, so the first snapshot of each entity replaces it:
-- the library's channels consume as a new group (finance-replica) that reads the compacted topics
-- from the beginning, the ids of registry events applied before are forgotten so that replay is not
-- skipped, and readiness waits until the replica has caught up. Until then the copied figures
-- (kind, tier, registered households) are the ones this service allocated with before.
insert into replica_community (code, name, kind, district_code, district_tier, street_code, registered_households, stage,
                               revision, updated_at)
select code, name, kind, district_code, district_tier, null, registered_households, 1, 0, null from community
on conflict (code) do nothing;
-- finance never kept a household's group: a placeholder until the replay brings the snapshot
insert into replica_household (community_code, code, group_code, courtyard_code, active, revision, updated_at)
select community_code, code, '', null, active, 0, null from household
on conflict do nothing;

drop table household;
drop table community;

delete from processed_event where topic in ('registry.communities', 'registry.households');
