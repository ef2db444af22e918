-- New claims reach the full-text index from the writer, not from a trigger. A trigger makes every claim
-- INSERT a statement with its own savepoint, and FTS5 writes its pending terms to disk at each savepoint:
-- one tiny index segment per claim, merged again and again, which cost about a tenth of ingest. The writer
-- now inserts into claims_fts right after each claim, so FTS5 buffers a whole batch and writes it once.
-- Deletes and content updates keep their triggers; anything else that inserts claims must index them too:
--     INSERT INTO claims_fts(rowid, content_text) VALUES (claim id, content text);
DROP TRIGGER claims_fts_insert;
