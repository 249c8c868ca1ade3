-- Issue 26, the two-person rule: a broadcast, retraction or paid send by an editor to more readers than
-- editorial.approval-above waits in AWAITING_APPROVAL for another admin. SQLite cannot change a CHECK, so both
-- campaign tables are rebuilt as V9 did; rows keep their ids (the outbox's ref_id points at them).
-- approval_overdue_told: the author was told once that its time came while it still waited.
-- approval_requests: the message asking each admin, so that /reject in reply to it finds the campaign.
CREATE TABLE broadcasts_v16 (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    editor_user_id      INTEGER NOT NULL,
    editor_chat_id      INTEGER NOT NULL,
    language            TEXT    NOT NULL DEFAULT 'ru',
    text                TEXT    NOT NULL,
    audience            TEXT    NOT NULL,
    state               TEXT    NOT NULL
                        CHECK (state IN ('DRAFT', 'SCHEDULED', 'AWAITING_APPROVAL', 'RUNNING', 'PAUSED', 'DONE',
                                         'CANCELLED')),
    total               INTEGER NOT NULL DEFAULT 0,
    enqueued_upto       INTEGER,
    enqueued_all        INTEGER NOT NULL DEFAULT 0,
    control_message_id  INTEGER,
    preview_message_id  INTEGER,
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
    schedule_zone       TEXT,
    approval_overdue_told INTEGER NOT NULL DEFAULT 0
);
INSERT INTO broadcasts_v16 (id, editor_user_id, editor_chat_id, language, text, audience, state, total,
        enqueued_upto, enqueued_all, control_message_id, preview_message_id, progress_chat_id, progress_message_id,
        reported, created_at, started_at, finished_at, content, source_chat_id, source_message_ids, button_text,
        button_url, pin, paid, scheduled_at, schedule_zone)
    SELECT id, editor_user_id, editor_chat_id, language, text, audience, state, total, enqueued_upto, enqueued_all,
        control_message_id, preview_message_id, progress_chat_id, progress_message_id, reported, created_at,
        started_at, finished_at, content, source_chat_id, source_message_ids, button_text, button_url, pin, paid,
        scheduled_at, schedule_zone
    FROM broadcasts;
DROP TABLE broadcasts;
ALTER TABLE broadcasts_v16 RENAME TO broadcasts;
CREATE INDEX broadcasts_state ON broadcasts (state);
CREATE INDEX broadcasts_scheduled ON broadcasts (scheduled_at) WHERE state = 'SCHEDULED';

CREATE TABLE corrections_v16 (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    action              TEXT    NOT NULL CHECK (action IN ('correct', 'retract')),
    target_kind         TEXT    NOT NULL CHECK (target_kind IN ('BROADCAST', 'BREAKING')),
    target_ref          INTEGER NOT NULL,
    content             TEXT    NOT NULL DEFAULT 'html',
    text                TEXT,
    notice              TEXT,
    editor_user_id      INTEGER NOT NULL,
    editor_chat_id      INTEGER NOT NULL,
    language            TEXT    NOT NULL,
    state               TEXT    NOT NULL DEFAULT 'DRAFT'
                        CHECK (state IN ('DRAFT', 'AWAITING_APPROVAL', 'RUNNING', 'PAUSED', 'DONE', 'CANCELLED')),
    fence               INTEGER,
    queued              INTEGER NOT NULL DEFAULT 0,
    enqueued_upto       INTEGER,
    enqueued_all        INTEGER NOT NULL DEFAULT 0,
    preview_message_id  INTEGER,
    progress_chat_id    INTEGER,
    progress_message_id INTEGER,
    reported            INTEGER NOT NULL DEFAULT 0,
    created_at          INTEGER NOT NULL,
    started_at          INTEGER,
    finished_at         INTEGER,
    control_message_id  INTEGER
);
INSERT INTO corrections_v16 (id, action, target_kind, target_ref, content, text, notice, editor_user_id,
        editor_chat_id, language, state, fence, queued, enqueued_upto, enqueued_all, preview_message_id,
        progress_chat_id, progress_message_id, reported, created_at, started_at, finished_at, control_message_id)
    SELECT id, action, target_kind, target_ref, content, text, notice, editor_user_id, editor_chat_id, language,
        state, fence, queued, enqueued_upto, enqueued_all, preview_message_id, progress_chat_id, progress_message_id,
        reported, created_at, started_at, finished_at, control_message_id
    FROM corrections;
DROP TABLE corrections;
ALTER TABLE corrections_v16 RENAME TO corrections;
CREATE INDEX corrections_target ON corrections (target_kind, target_ref, state);
CREATE INDEX corrections_state ON corrections (state);

CREATE TABLE approval_requests (
    chat_id        INTEGER NOT NULL,                -- an admin's private chat
    message_id     INTEGER NOT NULL,                -- the message with Approve / Reject
    campaign_table TEXT    NOT NULL CHECK (campaign_table IN ('BROADCASTS', 'CORRECTIONS')),
    campaign_id    INTEGER NOT NULL,
    PRIMARY KEY (chat_id, message_id)
);

-- Readers' tips to the editors (issue 26): a tip collects a reader's messages while OPEN; on Send it is SENT and
-- its copies go to the desk through the outbox (REPLY rows with ref_id = -tip id, so a desk reply finds its tip).
CREATE TABLE tips (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    chat_id    INTEGER NOT NULL,                 -- the reader's private chat
    language   TEXT    NOT NULL,
    state      TEXT    NOT NULL CHECK (state IN ('OPEN', 'SENT')),
    contact    TEXT,                             -- the reader's name and @username, dropped unless they consent
    created_at INTEGER NOT NULL,
    sent_at    INTEGER
);
CREATE INDEX tips_chat ON tips (chat_id, state);
CREATE TABLE tip_messages (
    tip_id         INTEGER NOT NULL REFERENCES tips (id) ON DELETE CASCADE,
    message_id     INTEGER NOT NULL,
    media_group_id TEXT,                         -- an album's parts go as one album
    PRIMARY KEY (tip_id, message_id)
);
CREATE TABLE tip_blocks (
    chat_id    INTEGER PRIMARY KEY,
    blocked_by INTEGER NOT NULL,
    blocked_at INTEGER NOT NULL
);
