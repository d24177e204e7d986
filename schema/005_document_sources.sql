-- bilik store, schema version 5: one document per text. The same text read
-- under another name (a folder named two ways, an article a crawl holds at
-- two addresses) is one document with several sources, each keeping its own
-- name and url; it is stored and extracted once.
--
-- document.uri is the name the document was extracted from (its title,
-- published and url are that name's); every name of the document, that one
-- included, is a row of document_source. document.text_hash fingerprints
-- the text alone (bilik's text_hash, FNV-1a); bilik fills it for rows stored
-- before version 5 when it opens the store for writing.

ALTER TABLE document ADD COLUMN url TEXT;
ALTER TABLE document ADD COLUMN text_hash TEXT;
CREATE INDEX document_by_text_hash ON document(text_hash);

CREATE TABLE document_source (
  id           INTEGER PRIMARY KEY,
  document_id  INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
  uri          TEXT NOT NULL UNIQUE,  -- a name the text was read under
  url          TEXT,                  -- where it was published (JSON Lines, --metadata)
  content_hash TEXT NOT NULL,         -- its text and metadata under this name: a re-run skips it when unchanged
  run_id       INTEGER REFERENCES run(id),
  added        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX document_source_by_document ON document_source(document_id);

-- Every document stored before is its own one source.
INSERT INTO document_source(document_id, uri, content_hash, run_id, added)
  SELECT id, uri, content_hash, run_id, extracted_at FROM document;

ALTER TABLE run ADD COLUMN documents_folded INTEGER NOT NULL DEFAULT 0;

DROP VIEW IF EXISTS documents;
CREATE VIEW documents AS
  SELECT id, uri, title, published, text, content_hash, rules_hash, extracted_at, run_id, url FROM document;

CREATE VIEW document_sources AS
  SELECT document_id, uri, url, run_id, added FROM document_source;

DROP VIEW IF EXISTS runs;
CREATE VIEW runs AS
  SELECT id, command, arguments, bilik_version, rules_hash, started, finished, status,
         documents_stored, documents_unchanged, documents_failed, documents_folded
  FROM run;
