-- Parking: a row that failed for a reason of its own (too large for the broker, invalid topic, ...)
-- yingzao.outbox.max-attempts times is set aside with its last error, so that it never again holds
-- back other events. An operator replays it (POST /api/outbox/parked/replay) once the cause is fixed.
alter table outbox_message add column parked_at timestamptz;

-- The relay scans only what it may send: parked rows leave the pending index.
drop index outbox_message_pending;
create index outbox_message_pending on outbox_message (seq) where sent_at is null and parked_at is null;
create index outbox_message_parked on outbox_message (seq) where sent_at is null and parked_at is not null;
