-- Editors broadcast anything (issue 14): copies of any message, pins, paid sending, scheduled broadcasts; and the
-- outbox learns operations on messages already sent (pins now, corrections and retractions next).
--
-- The outbox is rebuilt, as SQLite cannot change a CHECK constraint in place: two new kinds (PIN: pinning a
-- broadcast copy once it is delivered; CORRECTION: editing or deleting delivered copies) and what a row does.
CREATE TABLE deliveries_v7 (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    chat_id             INTEGER NOT NULL,
    kind                TEXT    NOT NULL
                        CHECK (kind IN ('REPLY', 'BREAKING', 'DIGEST', 'BROADCAST', 'PIN', 'CORRECTION')),
    ref_id              INTEGER NOT NULL,                       -- article id, digest cursor, broadcast id, correction id
    part                INTEGER NOT NULL DEFAULT 0,
    text                TEXT    NOT NULL,                       -- HTML to send, or a copy's caption override ('' none)
    silent              INTEGER NOT NULL DEFAULT 0,
    link_preview        INTEGER NOT NULL DEFAULT 0,
    priority            INTEGER NOT NULL,                       -- 0 reply, 1 breaking, 2 digest, 3 broadcast
    state               TEXT    NOT NULL DEFAULT 'PENDING'
                        CHECK (state IN ('PENDING', 'SENT', 'FAILED', 'CANCELLED')),
    attempts            INTEGER NOT NULL DEFAULT 0,
    not_before          INTEGER NOT NULL,
    last_error          TEXT,
    telegram_message_id INTEGER,
    created_at          INTEGER NOT NULL,
    sent_at             INTEGER,
    reply_markup        TEXT,
    thread_id           INTEGER,
    -- send: sendMessage with text; copy: copyMessage of source_message_ids (one id); copy_album: copyMessages;
    -- pin: pinChatMessage of target_message_id; edit_text / edit_caption / delete: on target_message_id.
    action              TEXT    NOT NULL DEFAULT 'send'
                        CHECK (action IN ('send', 'copy', 'copy_album', 'pin', 'edit_text', 'edit_caption', 'delete')),
    source_chat_id      INTEGER,                                -- where the message to copy is
    source_message_ids  TEXT,                                   -- "12" or "12,13,14" for an album
    target_message_id   INTEGER,                                -- the message a pin, edit or delete acts on
    paid                INTEGER NOT NULL DEFAULT 0,             -- asked to go with allow_paid_broadcast
    then_pin            INTEGER NOT NULL DEFAULT 0,             -- once delivered, a PIN row pins it
    sent_paid           INTEGER NOT NULL DEFAULT 0,             -- it went out as a paid message (Stars spent)
    more_message_ids    TEXT,                                   -- an album's other message ids, "13,14"
    UNIQUE (chat_id, kind, ref_id, part)
);
INSERT INTO deliveries_v7 (id, chat_id, kind, ref_id, part, text, silent, link_preview, priority, state, attempts,
                           not_before, last_error, telegram_message_id, created_at, sent_at, reply_markup, thread_id)
    SELECT id, chat_id, kind, ref_id, part, text, silent, link_preview, priority, state, attempts, not_before,
           last_error, telegram_message_id, created_at, sent_at, reply_markup, thread_id
    FROM deliveries;
DROP TABLE deliveries;
ALTER TABLE deliveries_v7 RENAME TO deliveries;
CREATE INDEX deliveries_due ON deliveries (state, priority, not_before, id) WHERE state = 'PENDING';
CREATE INDEX deliveries_ref ON deliveries (kind, ref_id, state);
CREATE INDEX deliveries_sent ON deliveries (sent_at);
CREATE INDEX deliveries_pending_age ON deliveries (kind, created_at) WHERE state = 'PENDING';
CREATE INDEX deliveries_finished ON deliveries (created_at) WHERE state <> 'PENDING';

-- What a broadcast sends. content 'html': the text column, by sendMessage. Anything else ('photo', 'video',
-- 'album', 'poll', ...): a copy of the editor's message(s) in source_chat_id, kept exactly as composed.
ALTER TABLE broadcasts ADD COLUMN content TEXT NOT NULL DEFAULT 'html';
ALTER TABLE broadcasts ADD COLUMN source_chat_id INTEGER;
ALTER TABLE broadcasts ADD COLUMN source_message_ids TEXT;
-- One link button under the message: "Read more" → https://...
ALTER TABLE broadcasts ADD COLUMN button_text TEXT;
ALTER TABLE broadcasts ADD COLUMN button_url TEXT;
ALTER TABLE broadcasts ADD COLUMN pin INTEGER NOT NULL DEFAULT 0;
ALTER TABLE broadcasts ADD COLUMN paid INTEGER NOT NULL DEFAULT 0;
-- A draft with scheduled_at is scheduled: it starts by itself at that instant (late after downtime, once: the
-- start is the same conditional DRAFT → RUNNING as a press on Send). schedule_zone is the editor's zone for texts.
ALTER TABLE broadcasts ADD COLUMN scheduled_at INTEGER;
ALTER TABLE broadcasts ADD COLUMN schedule_zone TEXT;
CREATE INDEX broadcasts_scheduled ON broadcasts (scheduled_at) WHERE state = 'DRAFT' AND scheduled_at IS NOT NULL;

-- The messages of an album an editor sent the bot: Telegram delivers an album as separate messages sharing a
-- media_group_id, and a reply to one of them names only that one. Kept for two days.
CREATE TABLE media_groups (
    chat_id        INTEGER NOT NULL,
    media_group_id TEXT    NOT NULL,
    message_id     INTEGER NOT NULL,
    created_at     INTEGER NOT NULL,
    PRIMARY KEY (chat_id, media_group_id, message_id)
) WITHOUT ROWID;
CREATE INDEX media_groups_age ON media_groups (created_at);

-- Paid messages sent per UTC day, the ledger the daily Stars budget is checked against.
CREATE TABLE paid_spending (
    day      TEXT    PRIMARY KEY,                               -- 2026-12-24
    messages INTEGER NOT NULL DEFAULT 0
);
