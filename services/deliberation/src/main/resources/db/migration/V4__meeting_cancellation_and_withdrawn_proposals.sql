-- Staff cancel or reschedule a meeting that has not started; a proposer withdraws a proposal before
-- it is scheduled. Each keeps who did it, when and why.
alter table meeting add column cancelled_at timestamptz;
alter table meeting add column cancelled_by varchar(200);
alter table meeting add column cancel_reason varchar(1000);
alter table meeting add column rescheduled_from timestamptz;

alter table proposal add column withdrawn_at timestamptz;
alter table proposal add column withdrawn_by varchar(200);
alter table proposal add column withdraw_reason varchar(1000);
