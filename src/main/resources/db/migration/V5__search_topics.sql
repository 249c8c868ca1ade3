-- Readers find what matters (issue 12): a stemmed full-text index, followed topics, search pages, first digests.
-- newsbot_stems(text) is registered by the application on every connection (store.StemmingDataSource): it turns
-- a text into the forms of its words (store.Morphology), which is what the index holds and queries are made of.

-- The old index held the words as written and matched them as prefixes: «выборах» never found «выборы». It is
-- rebuilt from the articles, stemmed. A regular FTS5 table (not external content): it must keep the stemmed
-- text itself, since the articles table holds the text as written.
DROP TRIGGER articles_fts_insert;
DROP TRIGGER articles_fts_delete;
DROP TRIGGER articles_fts_update;
DROP TABLE articles_fts;

CREATE VIRTUAL TABLE articles_fts USING fts5(title, summary, tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO articles_fts (rowid, title, summary)
    SELECT id, newsbot_stems(title), newsbot_stems(summary) FROM articles;

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, summary) VALUES (new.id, newsbot_stems(new.title), newsbot_stems(new.summary));
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    DELETE FROM articles_fts WHERE rowid = old.id;
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, summary ON articles BEGIN
    DELETE FROM articles_fts WHERE rowid = old.id;
    INSERT INTO articles_fts (rowid, title, summary) VALUES (new.id, newsbot_stems(new.title), newsbot_stems(new.summary));
END;

-- Followed topics (/follow): the phrase as the reader wrote it, and per word the forms of which one must occur in
-- an article's title or summary. topic_forms is keyed by form first: a new article looks its forms up there.
CREATE TABLE followed_topics (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    chat_id    INTEGER NOT NULL REFERENCES subscribers (chat_id) ON DELETE CASCADE ON UPDATE CASCADE,
    phrase     TEXT    NOT NULL,
    terms      TEXT    NOT NULL,                               -- each word's first form, space-separated: the
                                                               -- same phrase in other forms is the same topic
    words      INTEGER NOT NULL,                               -- how many words must all match
    created_at INTEGER NOT NULL,
    UNIQUE (chat_id, terms)
);
CREATE TABLE topic_forms (
    form     TEXT    NOT NULL,
    topic_id INTEGER NOT NULL REFERENCES followed_topics (id) ON DELETE CASCADE,
    word     INTEGER NOT NULL,                                 -- the word's position in the phrase
    PRIMARY KEY (form, topic_id, word)
) WITHOUT ROWID;
CREATE INDEX topic_forms_topic ON topic_forms (topic_id);

-- A /search's query, so its "more" button (64 bytes of callback data) can name it by id.
CREATE TABLE searches (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    chat_id    INTEGER NOT NULL,
    query      TEXT    NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX searches_chat ON searches (chat_id, id);

-- When the reader's first digest was composed; NULL: none yet, so the next one is "what's new today".
ALTER TABLE subscribers ADD COLUMN first_digest_at INTEGER;
UPDATE subscribers SET first_digest_at = last_digest_at
    WHERE EXISTS (SELECT 1 FROM deliveries d WHERE d.chat_id = subscribers.chat_id AND d.kind = 'DIGEST');
