-- Issue 24: each article's lead image and cleaned full text (feed.ArticleBodyCodec's JSON), in a table of their
-- own so that the digest's and search's scans of articles read no more than before. page_state says whether the
-- article page must be fetched for them (the feed carries only a summary): NOT_NEEDED (the feed had the text),
-- WANTED (fetched on the first reader's demand), FETCHED, FAILED (tried page_attempts times; again at
-- page_retry_at). V13 because V10-V12 are taken by other branches of the same turn.
CREATE TABLE article_texts (
    article_id    INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    image_url     TEXT,
    body          TEXT    NOT NULL DEFAULT '',
    page_state    TEXT    NOT NULL CHECK (page_state IN ('NOT_NEEDED', 'WANTED', 'FETCHED', 'FAILED')),
    page_attempts INTEGER NOT NULL DEFAULT 0,
    page_retry_at INTEGER
);
