-- Readers, round two (issue 25): muted phrases, breaking alerts per category.

-- Muted phrases (/mute), stored as followed topics are (V5): the phrase as written, per word the forms of which
-- one must occur in an article's title or summary; mute_forms is keyed by form first, so a new article looks its
-- forms up there.
CREATE TABLE muted_phrases (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    chat_id    INTEGER NOT NULL REFERENCES subscribers (chat_id) ON DELETE CASCADE ON UPDATE CASCADE,
    phrase     TEXT    NOT NULL,
    terms      TEXT    NOT NULL,                               -- each word's first form: the same words are one phrase
    words      INTEGER NOT NULL,                               -- how many words must all match
    created_at INTEGER NOT NULL,
    UNIQUE (chat_id, terms)
);
CREATE TABLE mute_forms (
    form      TEXT    NOT NULL,
    phrase_id INTEGER NOT NULL REFERENCES muted_phrases (id) ON DELETE CASCADE,
    word      INTEGER NOT NULL,
    PRIMARY KEY (form, phrase_id, word)
) WITHOUT ROWID;
CREATE INDEX mute_forms_phrase ON mute_forms (phrase_id);

-- Which stored article which reader muted, decided once: when the article is stored, and for the articles already
-- stored when the phrase is added. Every path that sends an article to a reader (breaking, topic alerts, digests)
-- skips the pairs here with one key lookup. Rows go with their phrase, their article and their reader.
CREATE TABLE muted_articles (
    chat_id    INTEGER NOT NULL REFERENCES subscribers (chat_id) ON DELETE CASCADE ON UPDATE CASCADE,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    phrase_id  INTEGER NOT NULL REFERENCES muted_phrases (id) ON DELETE CASCADE,
    PRIMARY KEY (chat_id, article_id, phrase_id)
) WITHOUT ROWID;
CREATE INDEX muted_articles_article ON muted_articles (article_id);
CREATE INDEX muted_articles_phrase ON muted_articles (phrase_id);

-- Breaking alerts per category: 1 lets the category's breaking news through at once, 0 keeps it for the digest.
-- Every existing choice says 1: readers keep today's behaviour (alerts for all their categories).
ALTER TABLE subscriptions ADD COLUMN breaking INTEGER NOT NULL DEFAULT 1;
