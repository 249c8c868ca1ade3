-- PostgreSQL mirror of db/migration/V14__topic_alerts.sql: followed topics' alerts are kind TOPIC, and an article
-- reaches a reader as one alert, breaking or topic, whichever came first (the row key's key_kind folds both).
ALTER TABLE deliveries DROP CONSTRAINT deliveries_kind_check;
ALTER TABLE deliveries ADD CONSTRAINT deliveries_kind_check
    CHECK (kind IN ('REPLY', 'BREAKING', 'TOPIC', 'DIGEST', 'BROADCAST', 'PIN', 'CORRECTION'));
ALTER TABLE deliveries ADD COLUMN key_kind TEXT GENERATED ALWAYS AS
    (CASE WHEN kind IN ('BREAKING', 'TOPIC') THEN 'ALERT' ELSE kind END) STORED;
ALTER TABLE deliveries DROP CONSTRAINT deliveries_chat_id_kind_ref_id_part_key;
CREATE UNIQUE INDEX deliveries_key ON deliveries (chat_id, key_kind, ref_id, part);
DROP INDEX deliveries_sent;
CREATE INDEX deliveries_sent ON deliveries (sent_at) WHERE sent_at IS NOT NULL;
