-- Claim content is searched with the Porter stemmer, so "accused" finds "accusation" and "rejects" finds
-- "rejected": what users type rarely matches the exact form a reporter used, and response linking ranks
-- an answered claim by the words naming it. The triggers on claims keep writing to the new index.
DROP TABLE claims_fts;
CREATE VIRTUAL TABLE claims_fts USING fts5(
    content_text, content = 'claims', content_rowid = 'id', tokenize = 'porter unicode61 remove_diacritics 2');
INSERT INTO claims_fts(claims_fts) VALUES ('rebuild');
