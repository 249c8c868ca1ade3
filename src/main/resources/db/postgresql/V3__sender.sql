-- PostgreSQL mirror of db/migration/V3__sender.sql.
ALTER TABLE deliveries ADD COLUMN reply_markup TEXT;

CREATE TABLE handled_updates (
    update_id BIGINT PRIMARY KEY
);

CREATE INDEX deliveries_pending_age ON deliveries (kind, created_at) WHERE state = 'PENDING';
