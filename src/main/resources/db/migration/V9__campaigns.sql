-- One campaign engine (issue 21): broadcasts and corrections share their "where it stands" columns under the same
-- names (editor_*, control_message_id, preview_message_id, progress_*), and a scheduled draft has a state of its
-- own, SCHEDULED, so that a start can check the state and the time it read in one conditional UPDATE (issue 22,
-- finding 5). preview_message_id held the control message (the one with the buttons); it now holds the copy that
-- shows the message as readers see it, where editors reply with /correct (finding 11). SQLite cannot change a
-- CHECK, so broadcasts is rebuilt; its rows keep their ids (the outbox's ref_id points at them).
CREATE TABLE broadcasts_v9 (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    editor_user_id      INTEGER NOT NULL,
    editor_chat_id      INTEGER NOT NULL,
    language            TEXT    NOT NULL DEFAULT 'ru',
    text                TEXT    NOT NULL,
    audience            TEXT    NOT NULL,
    state               TEXT    NOT NULL
                        CHECK (state IN ('DRAFT', 'SCHEDULED', 'RUNNING', 'PAUSED', 'DONE', 'CANCELLED')),
    total               INTEGER NOT NULL DEFAULT 0,
    enqueued_upto       INTEGER,
    enqueued_all        INTEGER NOT NULL DEFAULT 0,
    control_message_id  INTEGER,                                -- the editor's message with the buttons
    preview_message_id  INTEGER,                                -- the message as readers see it, above it
    progress_chat_id    INTEGER,
    progress_message_id INTEGER,
    reported            INTEGER NOT NULL DEFAULT 0,
    created_at          INTEGER NOT NULL,
    started_at          INTEGER,
    finished_at         INTEGER,
    content             TEXT    NOT NULL DEFAULT 'html',
    source_chat_id      INTEGER,
    source_message_ids  TEXT,
    button_text         TEXT,
    button_url          TEXT,
    pin                 INTEGER NOT NULL DEFAULT 0,
    paid                INTEGER NOT NULL DEFAULT 0,
    scheduled_at        INTEGER,
    schedule_zone       TEXT
);
INSERT INTO broadcasts_v9 (id, editor_user_id, editor_chat_id, language, text, audience, state, total, enqueued_upto,
        enqueued_all, control_message_id, preview_message_id, progress_chat_id, progress_message_id, reported,
        created_at, started_at, finished_at, content, source_chat_id, source_message_ids, button_text, button_url,
        pin, paid, scheduled_at, schedule_zone)
    SELECT id, admin_user_id, admin_chat_id, language, text, audience,
        CASE WHEN state = 'DRAFT' AND scheduled_at IS NOT NULL THEN 'SCHEDULED' ELSE state END,
        total, enqueued_upto, enqueued_all, preview_message_id, NULL, progress_chat_id, progress_message_id, reported,
        created_at, started_at, finished_at, content, source_chat_id, source_message_ids, button_text, button_url,
        pin, paid, scheduled_at, schedule_zone
    FROM broadcasts;
DROP TABLE broadcasts;
ALTER TABLE broadcasts_v9 RENAME TO broadcasts;
CREATE INDEX broadcasts_state ON broadcasts (state);
CREATE INDEX broadcasts_scheduled ON broadcasts (scheduled_at) WHERE state = 'SCHEDULED';

ALTER TABLE corrections ADD COLUMN control_message_id INTEGER;
UPDATE corrections SET control_message_id = preview_message_id, preview_message_id = NULL;
