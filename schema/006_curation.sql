-- bilik store, schema version 6: curation (docs/curation.md). The lines a
-- researcher wrote to fix the graph (merge, split, rename, retype, alias,
-- drop, drop-triple) are kept in the store, so every later extract and merge
-- re-applies them and a merge of stores carries them along.

CREATE TABLE curation (
  id         INTEGER PRIMARY KEY,          -- the order lines are applied in
  statement  TEXT NOT NULL UNIQUE,         -- the line, written the canonical way
  source     TEXT NOT NULL,                -- where it was read first: FILE:LINE
  added      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  applied    TEXT,                         -- the last time it was applied
  rows       INTEGER NOT NULL DEFAULT 0    -- store rows it changed, over every application
);

-- Names curation gave an entity (alias, rename): shown in `aliases`, and
-- they identify the entity for later documents as a document's names do.
CREATE TABLE curated_name (
  entity_id   INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
  curation_id INTEGER NOT NULL REFERENCES curation(id) ON DELETE CASCADE,
  name        TEXT NOT NULL,
  key         TEXT NOT NULL,
  UNIQUE (entity_id, key)
);

-- Which lines changed which entity (what `bilik curate list` and SQL users
-- read), and the entity a split line made, so applying it again reuses it.
CREATE TABLE curated_entity (
  entity_id   INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
  curation_id INTEGER NOT NULL REFERENCES curation(id) ON DELETE CASCADE,
  made        INTEGER NOT NULL DEFAULT 0,  -- 1: the entity a split line made
  PRIMARY KEY (entity_id, curation_id)
) WITHOUT ROWID;
CREATE INDEX curated_entity_by_curation ON curated_entity(curation_id);

DROP VIEW IF EXISTS aliases;
CREATE VIEW aliases AS
  SELECT DISTINCT n.entity_id AS entity_id, n.name AS alias
  FROM entity_name n JOIN entity e ON e.id = n.entity_id
  WHERE n.name <> e.name AND n.role <> 'unconfirmed'
  UNION
  SELECT c.entity_id, c.name FROM curated_name c JOIN entity e ON e.id = c.entity_id WHERE c.name <> e.name;

CREATE VIEW curations AS
  SELECT id, statement, source, added, applied, rows FROM curation;

CREATE VIEW entity_curations AS
  SELECT e.entity_id AS entity_id, c.id AS curation_id, c.statement AS statement, c.source AS source
  FROM curated_entity e JOIN curation c ON c.id = e.curation_id;
