-- PostgreSQL mirror of db/migration/V9__campaigns.sql: broadcasts and corrections share their "where it stands"
-- columns under the same names, a scheduled draft is SCHEDULED, and preview_message_id (which held the control
-- message) now holds the copy readers' view; the control message moves to control_message_id.
ALTER TABLE broadcasts RENAME COLUMN admin_user_id TO editor_user_id;
ALTER TABLE broadcasts RENAME COLUMN admin_chat_id TO editor_chat_id;
ALTER TABLE broadcasts ADD COLUMN control_message_id BIGINT;
ALTER TABLE broadcasts DROP CONSTRAINT broadcasts_state_check;
UPDATE broadcasts SET control_message_id = preview_message_id, preview_message_id = NULL,
    state = CASE WHEN state = 'DRAFT' AND scheduled_at IS NOT NULL THEN 'SCHEDULED' ELSE state END;
ALTER TABLE broadcasts ADD CONSTRAINT broadcasts_state_check
    CHECK (state IN ('DRAFT', 'SCHEDULED', 'RUNNING', 'PAUSED', 'DONE', 'CANCELLED'));
DROP INDEX broadcasts_scheduled;
CREATE INDEX broadcasts_scheduled ON broadcasts (scheduled_at) WHERE state = 'SCHEDULED';

ALTER TABLE corrections ADD COLUMN control_message_id BIGINT;
UPDATE corrections SET control_message_id = preview_message_id, preview_message_id = NULL;
