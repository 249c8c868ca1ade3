-- PostgreSQL mirror of db/migration/V2__admin.sql.
ALTER TABLE broadcasts ADD COLUMN language TEXT NOT NULL DEFAULT 'ru';
ALTER TABLE broadcasts ADD COLUMN progress_chat_id BIGINT;
ALTER TABLE broadcasts ADD COLUMN enqueued_all INTEGER NOT NULL DEFAULT 0;
ALTER TABLE broadcasts ADD COLUMN reported INTEGER NOT NULL DEFAULT 0;

CREATE INDEX broadcasts_state ON broadcasts (state);
