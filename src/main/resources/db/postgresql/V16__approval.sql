-- PostgreSQL mirror of db/migration/V16__approval.sql: campaigns may wait in AWAITING_APPROVAL for an admin.
ALTER TABLE broadcasts DROP CONSTRAINT broadcasts_state_check;
ALTER TABLE broadcasts ADD CONSTRAINT broadcasts_state_check
    CHECK (state IN ('DRAFT', 'SCHEDULED', 'AWAITING_APPROVAL', 'RUNNING', 'PAUSED', 'DONE', 'CANCELLED'));
ALTER TABLE broadcasts ADD COLUMN approval_overdue_told INTEGER NOT NULL DEFAULT 0;
ALTER TABLE corrections DROP CONSTRAINT corrections_state_check;
ALTER TABLE corrections ADD CONSTRAINT corrections_state_check
    CHECK (state IN ('DRAFT', 'AWAITING_APPROVAL', 'RUNNING', 'PAUSED', 'DONE', 'CANCELLED'));

CREATE TABLE approval_requests (
    chat_id        BIGINT  NOT NULL,
    message_id     BIGINT  NOT NULL,
    campaign_table TEXT    NOT NULL CHECK (campaign_table IN ('BROADCASTS', 'CORRECTIONS')),
    campaign_id    BIGINT  NOT NULL,
    PRIMARY KEY (chat_id, message_id)
);
