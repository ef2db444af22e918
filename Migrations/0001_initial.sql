-- The first schema: articles and where they came from, actors and how texts name them, claims with their
-- spans, whom each claim is about, and responses between claims (across articles).
-- Offsets are Unicode code points into articles.body, end exclusive, as the export contract wants them.

CREATE TABLE sources (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE
);

CREATE TABLE articles (
    id           INTEGER PRIMARY KEY,
    key          TEXT NOT NULL UNIQUE,
    title        TEXT,
    source_id    INTEGER REFERENCES sources(id),
    published    TEXT CHECK (published IS NULL OR published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    body         TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    path         TEXT,
    ingested_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX articles_content_hash ON articles(content_hash);
CREATE INDEX articles_published ON articles(published);

CREATE TABLE actors (
    id     INTEGER PRIMARY KEY,
    name   TEXT NOT NULL,
    kind   TEXT NOT NULL CHECK (kind IN ('person', 'organisation', 'government', 'group', 'anonymous')),
    gender TEXT CHECK (gender IS NULL OR gender IN ('male', 'female'))
);
CREATE UNIQUE INDEX actors_name_kind ON actors(name COLLATE NOCASE, kind);

-- Every way a text has named an actor ("Zelensky", "Vladimir Zelensky", "Kiev"). manual = 1 for an
-- alias a user added; re-extraction keeps those.
CREATE TABLE actor_aliases (
    alias    TEXT NOT NULL COLLATE NOCASE,
    actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    manual   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (alias, actor_id)
) WITHOUT ROWID;
CREATE INDEX actor_aliases_actor ON actor_aliases(actor_id);

-- Titles and descriptions seen with an actor ("Ukrainian Defense Minister").
CREATE TABLE actor_roles (
    actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    role     TEXT NOT NULL COLLATE NOCASE,
    PRIMARY KEY (actor_id, role)
) WITHOUT ROWID;
CREATE INDEX actor_roles_role ON actor_roles(role);

CREATE TABLE claims (
    id            INTEGER PRIMARY KEY,
    article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    speaker_id    INTEGER REFERENCES actors(id),
    speaker_start INTEGER,
    speaker_end   INTEGER,
    speaker_text  TEXT,
    cue_start     INTEGER NOT NULL,
    cue_end       INTEGER NOT NULL,
    cue_text      TEXT NOT NULL,
    content_start INTEGER NOT NULL,
    content_end   INTEGER NOT NULL,
    content_text  TEXT NOT NULL,
    -- JSON array of [start, end] pairs for a quote split by its attribution; NULL for one span.
    content_parts TEXT,
    kind          TEXT NOT NULL CHECK (kind IN ('direct', 'indirect', 'mixed')),
    stance        TEXT NOT NULL DEFAULT 'neutral',
    rule_id       TEXT NOT NULL,
    rule_hash     TEXT NOT NULL,
    CHECK (content_start <= content_end AND cue_start <= cue_end)
);
CREATE INDEX claims_article ON claims(article_id, content_start);
CREATE INDEX claims_speaker ON claims(speaker_id);
CREATE INDEX claims_rule ON claims(rule_id);

CREATE TABLE claim_targets (
    claim_id      INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    actor_id      INTEGER NOT NULL REFERENCES actors(id),
    mention_start INTEGER,
    mention_end   INTEGER,
    mention_text  TEXT,
    PRIMARY KEY (claim_id, actor_id)
) WITHOUT ROWID;
CREATE INDEX claim_targets_actor ON claim_targets(actor_id);

CREATE TABLE responses (
    id              INTEGER PRIMARY KEY,
    from_claim_id   INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    to_claim_id     INTEGER REFERENCES claims(id) ON DELETE SET NULL,
    target_actor_id INTEGER REFERENCES actors(id),
    relation        TEXT NOT NULL CHECK (relation IN ('rebuts', 'supports', 'responds')),
    rule_id         TEXT,
    evidence        TEXT
);
CREATE INDEX responses_from ON responses(from_claim_id);
CREATE INDEX responses_to ON responses(to_claim_id);
CREATE INDEX responses_target ON responses(target_actor_id);

CREATE VIRTUAL TABLE claims_fts USING fts5(content_text, content = 'claims', content_rowid = 'id');

CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
    INSERT INTO claims_fts(rowid, content_text) VALUES (new.id, new.content_text);
END;
CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
    INSERT INTO claims_fts(claims_fts, rowid, content_text) VALUES ('delete', old.id, old.content_text);
END;
CREATE TRIGGER claims_fts_update AFTER UPDATE OF content_text ON claims BEGIN
    INSERT INTO claims_fts(claims_fts, rowid, content_text) VALUES ('delete', old.id, old.content_text);
    INSERT INTO claims_fts(rowid, content_text) VALUES (new.id, new.content_text);
END;
