-- bilik store, schema version 8: what the writer pays per row. Same tables,
-- columns, rows and views; entity_name and entity_link are rebuilt.
--
-- 1. A CHECK of `x IN (three or more values)` builds a temporary b-tree of
--    the values on every INSERT (SQLite codes it so): an eighth of the
--    writer's CPU. The same checks are written as `=` ... OR ... `=`.
-- 2. entity_name's unique key leads with document_id, so a document's names
--    go in at the end of that index (they went at each entity's place), and
--    it serves the look-ups by document; a small index by entity replaces
--    entity_name_by_document.
--
-- Every index, and the queries that use it (graph/src, cli):
--   document uri (unique)                query's evidence text (WHERE uri = ?), curation's document
--                                        look-up, exports ordered by uri
--   document_by_text_hash                document_with_text: a text stored under another name
--   document_source uri (unique)         is_current, source_document, detach_source
--   document_source_by_document          detach_source (the oldest source), put_document (kept
--                                        sources), remove_document
--   entity_name (document_id, entity_id, key) (unique)
--                                        INSERT OR IGNORE of a name, load_document, remove_document
--   entity_name_by_entity                curation (merge, split, drop: WHERE entity_id = ?), the
--                                        foreign key from entity (deleting an entity)
--   entity_name_by_key                   query's entity look-up (WHERE key = ?), remove_orphans
--   entity_key (key, type, entity_id)    entity_for, the identity look-up of every document's entity
--   entity_key_by_entity                 curation (WHERE entity_id = ?), the foreign key from entity
--   entity_link (document_id, entity_id) load_document, remove_document
--   entity_link_by_entity                curation, remove_orphans, the foreign key from entity
--   mention_by_document                  load_document, co-occurrence (graph_model), remove_document
--   mention_by_entity                    gephi_nodes, query's mention counts, curation, the foreign key
--   figure_by_document, date_by_document load_document, remove_document
--   triple_by_document                   load_document, remove_document
--   triple_by_subject, triple_by_object  query's triples of an entity, curation, the foreign keys
--   curation statement (unique), curated_name (entity_id, key) (unique),
--   curated_entity (entity_id, curation_id), curated_entity_by_curation
--                                        curation (a few rows per line of a curation file)

DROP VIEW IF EXISTS aliases;
DROP VIEW IF EXISTS entity_links;

CREATE TABLE entity_name_v8 (
  entity_id   INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
  document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
  name        TEXT NOT NULL,
  key         TEXT NOT NULL,
  role        TEXT NOT NULL DEFAULT 'alias' CHECK (role = 'name' OR role = 'alias' OR role = 'unconfirmed'),
  local       INTEGER NOT NULL DEFAULT 0,
  UNIQUE (document_id, entity_id, key)
);
-- Rowids kept: a document's names are read back in the order it gave them.
INSERT INTO entity_name_v8(rowid, entity_id, document_id, name, key, role, local)
  SELECT rowid, entity_id, document_id, name, key, role, local FROM entity_name ORDER BY rowid;
DROP TABLE entity_name;
ALTER TABLE entity_name_v8 RENAME TO entity_name;
CREATE INDEX entity_name_by_key ON entity_name(key);
CREATE INDEX entity_name_by_entity ON entity_name(entity_id);

CREATE TABLE entity_link_v8 (
  entity_id   INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
  document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
  via         TEXT NOT NULL CHECK (via = 'new' OR via = 'gazetteer' OR via = 'name' OR via = 'suffix' OR
                                   via = 'key' OR via = 'document'),
  key         TEXT,
  note        TEXT,
  PRIMARY KEY (document_id, entity_id)
) WITHOUT ROWID;
INSERT INTO entity_link_v8(entity_id, document_id, via, key, note)
  SELECT entity_id, document_id, via, key, note FROM entity_link;
DROP TABLE entity_link;
ALTER TABLE entity_link_v8 RENAME TO entity_link;
CREATE INDEX entity_link_by_entity ON entity_link(entity_id);

CREATE VIEW aliases AS
  SELECT DISTINCT n.entity_id AS entity_id, n.name AS alias
  FROM entity_name n JOIN entity e ON e.id = n.entity_id
  WHERE n.name <> e.name AND n.role <> 'unconfirmed'
  UNION
  SELECT c.entity_id, c.name FROM curated_name c JOIN entity e ON e.id = c.entity_id WHERE c.name <> e.name;

CREATE VIEW entity_links AS
  SELECT l.entity_id, e.name AS entity, e.type, l.document_id, d.uri AS document, l.via, l.key, l.note
  FROM entity_link l JOIN entity e ON e.id = l.entity_id JOIN document d ON d.id = l.document_id;
