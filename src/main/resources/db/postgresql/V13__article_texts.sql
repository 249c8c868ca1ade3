-- Issue 24: each article's lead image and cleaned full text; see db/migration/V13__article_texts.sql.
CREATE TABLE article_texts (
    article_id    BIGINT  PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    image_url     TEXT,
    body          TEXT    NOT NULL DEFAULT '',
    page_state    TEXT    NOT NULL CHECK (page_state IN ('NOT_NEEDED', 'WANTED', 'FETCHED', 'FAILED')),
    page_attempts INTEGER NOT NULL DEFAULT 0,
    page_retry_at BIGINT
);
