-- PostgreSQL mirror of db/migration/V4__hardening.sql (the back-fills are left out: no PostgreSQL database
-- predates this schema; migrate-db copies the columns as they are).
CREATE INDEX deliveries_finished ON deliveries (created_at) WHERE state <> 'PENDING';

ALTER TABLE articles ADD COLUMN breaking_pushed_at BIGINT;

CREATE TABLE seen_items (
    dedup_key TEXT   PRIMARY KEY,
    seen_at   BIGINT NOT NULL
);
CREATE INDEX seen_items_seen ON seen_items (seen_at);
