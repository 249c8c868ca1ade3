-- Times are UTC epoch milliseconds throughout.

CREATE TABLE subscribers (
    chat_id        INTEGER PRIMARY KEY,
    user_id        INTEGER,
    chat_type      TEXT    NOT NULL DEFAULT 'private',          -- private | group | supergroup | channel
    language       TEXT    NOT NULL,                            -- ru | en
    time_zone      TEXT    NOT NULL,                            -- IANA id
    digest_times   TEXT    NOT NULL,                            -- "08:00,19:00"; empty = off
    breaking_on    INTEGER NOT NULL DEFAULT 1,
    quiet_from     TEXT,                                        -- "23:00" or NULL
    quiet_to       TEXT,                                        -- "07:00" or NULL
    status         TEXT    NOT NULL DEFAULT 'ACTIVE'
                   CHECK (status IN ('ACTIVE', 'PAUSED', 'STOPPED', 'BLOCKED')),
    digest_cursor  INTEGER NOT NULL DEFAULT 0,                  -- highest articles.id already considered for a digest
    last_digest_at INTEGER NOT NULL DEFAULT 0,                  -- when the last digest was composed
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL
);
CREATE INDEX subscribers_status ON subscribers (status);

CREATE TABLE subscriptions (
    chat_id  INTEGER NOT NULL REFERENCES subscribers (chat_id) ON DELETE CASCADE ON UPDATE CASCADE,
    category TEXT    NOT NULL,
    PRIMARY KEY (chat_id, category)
) WITHOUT ROWID;
CREATE INDEX subscriptions_category ON subscriptions (category, chat_id);

CREATE TABLE feeds (
    feed_id         TEXT PRIMARY KEY,
    url             TEXT    NOT NULL,
    etag            TEXT,
    last_modified   TEXT,
    next_fetch_at   INTEGER NOT NULL DEFAULT 0,
    last_attempt_at INTEGER,
    last_success_at INTEGER,
    last_status     INTEGER,                                    -- HTTP status of the last attempt, NULL if none
    items_seen      INTEGER NOT NULL DEFAULT 0,                 -- items in the last parsed document
    failures        INTEGER NOT NULL DEFAULT 0,                 -- consecutive
    last_error      TEXT,
    initialized     INTEGER NOT NULL DEFAULT 0                  -- 1 once the first successful fetch was stored
);

CREATE TABLE articles (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,              -- monotonic: digest cursors compare ids
    feed_id      TEXT    NOT NULL,
    dedup_key    TEXT    NOT NULL UNIQUE,
    url          TEXT    NOT NULL,
    title        TEXT    NOT NULL,
    summary      TEXT    NOT NULL DEFAULT '',
    category     TEXT,                                          -- NULL: only in /latest
    published_at INTEGER NOT NULL,
    fetched_at   INTEGER NOT NULL,
    breaking     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX articles_fetched ON articles (fetched_at);
CREATE INDEX articles_published ON articles (published_at);

-- An article seen in two feeds is stored once but indexed under both categories.
CREATE TABLE article_categories (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    category   TEXT    NOT NULL,
    PRIMARY KEY (category, article_id)
) WITHOUT ROWID;
CREATE INDEX article_categories_article ON article_categories (article_id);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, summary, content = 'articles', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, summary) VALUES (new.id, new.title, new.summary);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, summary) VALUES ('delete', old.id, old.title, old.summary);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, summary ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, summary) VALUES ('delete', old.id, old.title, old.summary);
    INSERT INTO articles_fts (rowid, title, summary) VALUES (new.id, new.title, new.summary);
END;

CREATE TABLE deliveries (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    chat_id             INTEGER NOT NULL,
    kind                TEXT    NOT NULL CHECK (kind IN ('REPLY', 'BREAKING', 'DIGEST', 'BROADCAST')),
    ref_id              INTEGER NOT NULL,                       -- article id, digest cursor, broadcast id
    part                INTEGER NOT NULL DEFAULT 0,
    text                TEXT    NOT NULL,
    silent              INTEGER NOT NULL DEFAULT 0,
    link_preview        INTEGER NOT NULL DEFAULT 0,
    priority            INTEGER NOT NULL,                       -- 0 reply, 1 breaking, 2 digest, 3 broadcast
    state               TEXT    NOT NULL DEFAULT 'PENDING'
                        CHECK (state IN ('PENDING', 'SENT', 'FAILED', 'CANCELLED')),
    attempts            INTEGER NOT NULL DEFAULT 0,
    not_before          INTEGER NOT NULL,
    last_error          TEXT,
    telegram_message_id INTEGER,
    created_at          INTEGER NOT NULL,
    sent_at             INTEGER,
    UNIQUE (chat_id, kind, ref_id, part)
);
CREATE INDEX deliveries_due ON deliveries (state, priority, not_before, id) WHERE state = 'PENDING';
CREATE INDEX deliveries_ref ON deliveries (kind, ref_id, state);
CREATE INDEX deliveries_sent ON deliveries (sent_at);

CREATE TABLE broadcasts (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    admin_user_id       INTEGER NOT NULL,
    admin_chat_id       INTEGER NOT NULL,
    text                TEXT    NOT NULL,                       -- Telegram HTML
    audience            TEXT    NOT NULL,                       -- all | cat=<slug> | lang=<ru|en>
    state               TEXT    NOT NULL
                        CHECK (state IN ('DRAFT', 'RUNNING', 'PAUSED', 'DONE', 'CANCELLED')),
    total               INTEGER NOT NULL DEFAULT 0,
    enqueued_upto       INTEGER,                                -- last chat_id enqueued: batches resume after it
    preview_message_id  INTEGER,
    progress_message_id INTEGER,
    created_at          INTEGER NOT NULL,
    started_at          INTEGER,
    finished_at         INTEGER
);

CREATE TABLE bot_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
