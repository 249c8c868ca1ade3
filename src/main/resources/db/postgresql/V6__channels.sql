-- PostgreSQL mirror of db/migration/V6__channels.sql.
ALTER TABLE subscribers ADD COLUMN thread_id BIGINT;
ALTER TABLE subscribers ADD COLUMN silent INTEGER NOT NULL DEFAULT 0;
ALTER TABLE deliveries ADD COLUMN thread_id BIGINT;

CREATE TABLE channels (
    channel_key TEXT PRIMARY KEY,
    chat_ref    TEXT    NOT NULL,
    chat_id     BIGINT,
    paused      INTEGER NOT NULL DEFAULT 0,
    problem     TEXT,
    checked_at  BIGINT
);
CREATE UNIQUE INDEX channels_chat ON channels (chat_id) WHERE chat_id IS NOT NULL;
