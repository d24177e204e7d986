-- bilik store, schema version 7: each document keeps the sentences its
-- extraction used (original byte spans, graph/src/sentence_spans.h), so
-- co-occurrence by sentence and the evidence sentences `query` shows are the
-- extractor's sentences, with the rule pack's abbreviations, not a second
-- cut. NULL for documents stored before version 7: they are cut again.

ALTER TABLE document ADD COLUMN sentences BLOB;
