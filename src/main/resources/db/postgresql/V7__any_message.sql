-- Editors broadcast anything (issue 14); the SQLite V7 of the same name says why each column exists. PostgreSQL
-- changes the kind CHECK in place, so the outbox is altered rather than rebuilt.
ALTER TABLE deliveries DROP CONSTRAINT deliveries_kind_check;
ALTER TABLE deliveries ADD CONSTRAINT deliveries_kind_check
    CHECK (kind IN ('REPLY', 'BREAKING', 'DIGEST', 'BROADCAST', 'PIN', 'CORRECTION'));
ALTER TABLE deliveries ADD COLUMN action TEXT NOT NULL DEFAULT 'send'
    CHECK (action IN ('send', 'copy', 'copy_album', 'pin', 'edit_text', 'edit_caption', 'delete'));
ALTER TABLE deliveries ADD COLUMN source_chat_id BIGINT;
ALTER TABLE deliveries ADD COLUMN source_message_ids TEXT;
ALTER TABLE deliveries ADD COLUMN target_message_id BIGINT;
ALTER TABLE deliveries ADD COLUMN paid INTEGER NOT NULL DEFAULT 0;
ALTER TABLE deliveries ADD COLUMN then_pin INTEGER NOT NULL DEFAULT 0;
ALTER TABLE deliveries ADD COLUMN sent_paid INTEGER NOT NULL DEFAULT 0;
ALTER TABLE deliveries ADD COLUMN more_message_ids TEXT;

ALTER TABLE broadcasts ADD COLUMN content TEXT NOT NULL DEFAULT 'html';
ALTER TABLE broadcasts ADD COLUMN source_chat_id BIGINT;
ALTER TABLE broadcasts ADD COLUMN source_message_ids TEXT;
ALTER TABLE broadcasts ADD COLUMN button_text TEXT;
ALTER TABLE broadcasts ADD COLUMN button_url TEXT;
ALTER TABLE broadcasts ADD COLUMN pin INTEGER NOT NULL DEFAULT 0;
ALTER TABLE broadcasts ADD COLUMN paid INTEGER NOT NULL DEFAULT 0;
ALTER TABLE broadcasts ADD COLUMN scheduled_at BIGINT;
ALTER TABLE broadcasts ADD COLUMN schedule_zone TEXT;
CREATE INDEX broadcasts_scheduled ON broadcasts (scheduled_at) WHERE state = 'DRAFT' AND scheduled_at IS NOT NULL;

CREATE TABLE media_groups (
    chat_id        BIGINT  NOT NULL,
    media_group_id TEXT    NOT NULL,
    message_id     BIGINT  NOT NULL,
    created_at     BIGINT  NOT NULL,
    PRIMARY KEY (chat_id, media_group_id, message_id)
);
CREATE INDEX media_groups_age ON media_groups (created_at);

CREATE TABLE paid_spending (
    day      TEXT    PRIMARY KEY,
    messages INTEGER NOT NULL DEFAULT 0
);
