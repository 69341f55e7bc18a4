-- Applied event ids are forgotten after yingzao.consumer.processed-retention: a BRIN index finds the
-- old ones at almost no cost to the inserts (processed_at grows with the insertion order).
create index processed_event_by_time on processed_event using brin (processed_at);
