-- PostgreSQL mirror of db/migration/V14__topic_alerts.sql: followed topics' alerts are kind TOPIC, and an article
-- reaches a reader as one alert, breaking or topic, whichever came first.
ALTER TABLE deliveries DROP CONSTRAINT deliveries_kind_check;
ALTER TABLE deliveries ADD CONSTRAINT deliveries_kind_check
    CHECK (kind IN ('REPLY', 'BREAKING', 'TOPIC', 'DIGEST', 'BROADCAST', 'PIN', 'CORRECTION'));
CREATE UNIQUE INDEX deliveries_alert_once ON deliveries (chat_id, ref_id, part) WHERE kind IN ('BREAKING', 'TOPIC');
