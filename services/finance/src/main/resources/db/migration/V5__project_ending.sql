-- A fund project can end without being carried out: withdrawn by the community's staff before any
-- money was paid, or rejected after the council's motion on it failed (F6). Both are final and say
-- why; the project keeps the step it had reached.
alter table project add column ended_as varchar(16) check (ended_as in ('WITHDRAWN', 'REJECTED'));
alter table project add column ended_reason varchar(1000);
alter table project add column ended_by varchar(200);
alter table project add column ended_at timestamptz;
