-- The registry replica moves to the shared library yingzao-replica (tables replica_*, its V0_10).
-- What this service held is copied at revision 0, so the first snapshot of each entity replaces it:
-- the library's channels consume as a new group (deliberation-replica) that reads the compacted
-- topics from the beginning, the ids of registry events applied before are forgotten so that
-- replay is not skipped, and readiness waits until the replica has caught up.
insert into replica_community (code, name, kind, district_code, district_tier, street_code, registered_households, stage,
                               revision, updated_at)
select code, name, 'URBAN', district_code, 'MAIN_URBAN', null, 0, 1, 0, null from community_replica
on conflict (code) do nothing;
insert into replica_group (community_code, code, name)
select community_code, code, name from group_replica on conflict do nothing;
insert into replica_courtyard (community_code, code, name, group_code)
select community_code, code, name, group_code from courtyard_replica on conflict do nothing;
insert into replica_household (community_code, code, group_code, courtyard_code, active, revision, updated_at)
select community_code, code, group_code, courtyard_code, active, 0, null from household_replica on conflict do nothing;

-- cascade drops the foreign keys of council and convention, which now point at the shared table
drop table group_replica, courtyard_replica, household_replica;
drop table community_replica cascade;
alter table council add constraint council_community_fkey foreign key (community_code) references replica_community (code);
alter table convention add constraint convention_community_fkey foreign key (community_code) references replica_community (code);

delete from processed_event where topic in ('registry.communities', 'registry.households');
