-- bilik store, schema version 2: every extract or merge is recorded as a
-- run, and each document names the run that stored it.

CREATE TABLE run (
  id                  INTEGER PRIMARY KEY,
  command             TEXT NOT NULL CHECK (command IN ('extract', 'merge')),
  arguments           TEXT NOT NULL,  -- the command line, as a JSON array
  bilik_version       TEXT NOT NULL,
  rules_hash          TEXT,           -- the rule pack (extract only)
  started             TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  finished            TEXT,           -- NULL while running, or when the run was killed
  status              TEXT NOT NULL DEFAULT 'running'
                      CHECK (status IN ('running', 'finished', 'interrupted', 'failed')),
  documents_stored    INTEGER NOT NULL DEFAULT 0,
  documents_unchanged INTEGER NOT NULL DEFAULT 0,
  documents_failed    INTEGER NOT NULL DEFAULT 0
);

-- NULL for documents stored before version 2.
ALTER TABLE document ADD COLUMN run_id INTEGER REFERENCES run(id);

DROP VIEW IF EXISTS documents;
CREATE VIEW documents AS
  SELECT id, uri, title, published, text, content_hash, rules_hash, extracted_at, run_id FROM document;

CREATE VIEW runs AS
  SELECT id, command, arguments, bilik_version, rules_hash, started, finished, status,
         documents_stored, documents_unchanged, documents_failed
  FROM run;
