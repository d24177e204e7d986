-- bilik store, schema version 1.
-- Tables hold the data; the views below them are the public face that
-- scripts, the scorer and exporters read (docs/schema.md).

CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS document (
  id           INTEGER PRIMARY KEY,
  uri          TEXT NOT NULL UNIQUE,
  title        TEXT,
  published    TEXT,
  text         TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  rules_hash   TEXT NOT NULL,
  extracted_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE IF NOT EXISTS entity (
  id    INTEGER PRIMARY KEY,
  type  TEXT NOT NULL CHECK (type IN ('PERSON', 'STATE', 'ORGANIZATION', 'TREATY', 'LOCATION')),
  name  TEXT NOT NULL,
  known INTEGER NOT NULL DEFAULT 0  -- 1: identified by a gazetteer entry
);

-- Every name an entity is known by, with the document that used it; the
-- folded key is what identity lookups compare.
CREATE TABLE IF NOT EXISTS entity_name (
  entity_id   INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
  document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
  name        TEXT NOT NULL,
  key         TEXT NOT NULL,
  -- 'name': the document's canonical name for it; 'alias'; 'unconfirmed': a
  -- suffix cut the document could not confirm (used to link, never shown)
  role        TEXT NOT NULL DEFAULT 'alias' CHECK (role IN ('name', 'alias', 'unconfirmed')),
  UNIQUE (entity_id, document_id, key)
);
CREATE INDEX IF NOT EXISTS entity_name_by_key ON entity_name(key);
CREATE INDEX IF NOT EXISTS entity_name_by_document ON entity_name(document_id);

-- Each (entity, folded name) once, whatever the number of documents using
-- it: what identity lookups read, so a lookup does not grow with the archive.
CREATE TABLE IF NOT EXISTS entity_key (
  key       TEXT NOT NULL,
  type      TEXT NOT NULL,
  entity_id INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
  PRIMARY KEY (key, type, entity_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS entity_key_by_entity ON entity_key(entity_id);

CREATE TABLE IF NOT EXISTS mention (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
  entity_id   INTEGER NOT NULL REFERENCES entity(id),
  start       INTEGER NOT NULL,
  "end"       INTEGER NOT NULL,
  surface     TEXT NOT NULL,
  gram_case   TEXT NOT NULL,
  rule        TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS mention_by_document ON mention(document_id);
CREATE INDEX IF NOT EXISTS mention_by_entity ON mention(entity_id);

CREATE TABLE IF NOT EXISTS figure (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
  start       INTEGER NOT NULL,
  "end"       INTEGER NOT NULL,
  surface     TEXT NOT NULL,
  value       REAL,
  value_text  TEXT,
  range_end   REAL,
  unit        TEXT NOT NULL,
  qualifier   TEXT NOT NULL DEFAULT 'exact',
  counted     TEXT,
  rule        TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS figure_by_document ON figure(document_id);

CREATE TABLE IF NOT EXISTS date_expr (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
  start       INTEGER NOT NULL,
  "end"       INTEGER NOT NULL,
  surface     TEXT NOT NULL,
  value       TEXT,
  expression  TEXT,
  rule        TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS date_by_document ON date_expr(document_id);

CREATE TABLE IF NOT EXISTS triple (
  id             INTEGER PRIMARY KEY,
  document_id    INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
  subject_id     INTEGER NOT NULL REFERENCES entity(id),
  predicate      TEXT NOT NULL,
  object_id      INTEGER REFERENCES entity(id),
  object_literal TEXT,
  start          INTEGER NOT NULL,
  "end"          INTEGER NOT NULL,
  rule           TEXT NOT NULL,
  confidence     REAL NOT NULL DEFAULT 1.0,
  date           TEXT,
  amount_id      INTEGER REFERENCES figure(id),
  role           TEXT
);
CREATE INDEX IF NOT EXISTS triple_by_document ON triple(document_id);
CREATE INDEX IF NOT EXISTS triple_by_subject ON triple(subject_id);
CREATE INDEX IF NOT EXISTS triple_by_object ON triple(object_id);

CREATE VIEW IF NOT EXISTS documents AS
  SELECT id, uri, title, published, text, content_hash, rules_hash, extracted_at FROM document;

CREATE VIEW IF NOT EXISTS entities AS
  SELECT id, type, name FROM entity;

CREATE VIEW IF NOT EXISTS aliases AS
  SELECT DISTINCT n.entity_id AS entity_id, n.name AS alias
  FROM entity_name n JOIN entity e ON e.id = n.entity_id
  WHERE n.name <> e.name AND n.role <> 'unconfirmed';

CREATE VIEW IF NOT EXISTS mentions AS
  SELECT id, document_id, entity_id, start, "end", surface, rule, gram_case FROM mention;

CREATE VIEW IF NOT EXISTS figures AS
  SELECT id, document_id, start, "end", surface, value, unit, qualifier, rule, counted, range_end, value_text
  FROM figure;

CREATE VIEW IF NOT EXISTS dates AS
  SELECT id, document_id, start, "end", surface, value, rule, expression FROM date_expr;

CREATE VIEW IF NOT EXISTS triples AS
  SELECT id, document_id, subject_id, predicate, object_id, object_literal, start, "end", rule, confidence,
         date, amount_id, role
  FROM triple;

-- One edge per fact, over every document that states it.
CREATE VIEW IF NOT EXISTS facts AS
  SELECT subject_id, predicate, object_id, object_literal,
         count(DISTINCT document_id) AS documents, min(date) AS first_date, max(date) AS last_date
  FROM triple GROUP BY subject_id, predicate, object_id, object_literal;

-- For Gephi's database import (docs/gephi.md): nodes and dated edges.
CREATE VIEW IF NOT EXISTS gephi_nodes AS
  SELECT e.id AS id, e.name AS label, e.type AS type,
         (SELECT count(*) FROM mention m WHERE m.entity_id = e.id) AS mentions
  FROM entity e;

CREATE VIEW IF NOT EXISTS gephi_edges AS
  SELECT row_number() OVER (ORDER BY subject_id, object_id, predicate) AS id,
         subject_id AS source, object_id AS target, predicate AS label, documents AS weight,
         first_date AS start, last_date AS "end"
  FROM facts WHERE object_id IS NOT NULL;
