-- F6 step 2 asks whether a closed vote round of the project's community included the project. Until
-- now that scanned every vote round of the city (candidates is an array); it now looks only at the
-- community's closed rounds through this index, and at their candidates.
create index vote_round_closed_by_community on vote_round (community_code) where status = 'CLOSED';
