-- D10 / F6 step 4: only a resolution of the project community's own council (社区协商议事会) opens
-- step 4, never a resident-group or courtyard council's. Decisions recorded before this script did
-- not keep the level: they stay unknown (null) and open nothing; the council's next resolution does.
alter table council_decision add column council_level varchar(16);
