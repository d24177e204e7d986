-- bilik store, schema version 4: why each document's entity is the stored
-- entity it is (identity across documents, docs/schema.md "Identity").
--
-- One row per entity and document. `via` says how the document's entity was
-- found: 'new' (nothing stored matched, so it began an entity), 'gazetteer'
-- or 'name' (a stored entity carries one of its names, given in `key`),
-- 'suffix' (only a name with a suffix cut matched), 'key' (a treaty known by
-- its subject matched on subject, parties and year, in `key`), 'document'
-- (a generic name no text ties to an owner: never joined). `note` says what
-- in the text decided it, when something did.

CREATE TABLE entity_link (
  entity_id   INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
  document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
  via         TEXT NOT NULL CHECK (via IN ('new', 'gazetteer', 'name', 'suffix', 'key', 'document')),
  key         TEXT,
  note        TEXT,
  PRIMARY KEY (document_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX entity_link_by_entity ON entity_link(entity_id);

-- 1: a name shown as an alias but never compared across documents
-- ("Müdafiə Nazirliyi" of "Qazaxıstan Müdafiə Nazirliyi").
ALTER TABLE entity_name ADD COLUMN local INTEGER NOT NULL DEFAULT 0;

CREATE VIEW entity_links AS
  SELECT l.entity_id, e.name AS entity, e.type, l.document_id, d.uri AS document, l.via, l.key, l.note
  FROM entity_link l JOIN entity e ON e.id = l.entity_id JOIN document d ON d.id = l.document_id;
