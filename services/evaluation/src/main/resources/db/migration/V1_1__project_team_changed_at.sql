-- When the supervision team held was decided (ProjectStarted's or the latest SupervisionTeamChanged's
-- occurredAt), so an older team arriving late (a dead-letter replay, the start replayed after a
-- change) does not replace a newer one (E3 conflicts are checked against the newest team).
alter table project add column team_changed_at timestamptz;
update project set team_changed_at = updated_at;
