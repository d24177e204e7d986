-- bilik store, schema version 3: each run names the process that made it
-- ("host boot-id pid start-ticks", graph/src/run_owner.cc), so the next
-- open for writing can tell a run still going from one that was killed, and
-- marks the latter 'interrupted' (its `finished` stays NULL) instead of
-- leaving it 'running' for ever. NULL for runs recorded before version 3.

ALTER TABLE run ADD COLUMN owner TEXT;
