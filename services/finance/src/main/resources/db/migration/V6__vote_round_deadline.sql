-- F7: a vote round may have a deadline; ballots after it are refused and a job closes the round at
-- it, so a round left open by mistake does not stay open for ever.
alter table vote_round add column closes_at timestamptz;
create index vote_round_due on vote_round (closes_at) where status = 'OPEN' and closes_at is not null;
