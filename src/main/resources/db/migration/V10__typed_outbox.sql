-- The outbox's rows typed (issue 21): what a row asks Telegram is one of a closed set of requests, each in its own
-- columns. Message ids are numbers, never comma-joined text: a single copy names its source in source_message_id,
-- an album's messages (the editor's and each reader's copies) are rows of delivery_album_messages. A retraction's
-- "delete, or edit to the withdrawn note once too old to delete" is a request of its own (delete_or_edit_*), so the
-- sender needs no other table to decide. SQLite cannot change a CHECK in place: the table is rebuilt.
CREATE TABLE deliveries_v10 (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    chat_id             INTEGER NOT NULL,
    kind                TEXT    NOT NULL
                        CHECK (kind IN ('REPLY', 'BREAKING', 'DIGEST', 'BROADCAST', 'PIN', 'CORRECTION')),
    ref_id              INTEGER NOT NULL,
    part                INTEGER NOT NULL DEFAULT 0,
    text                TEXT    NOT NULL,                       -- the HTML sent or edited to; a copy's caption ('' keeps)
    silent              INTEGER NOT NULL DEFAULT 0,
    link_preview        INTEGER NOT NULL DEFAULT 0,
    priority            INTEGER NOT NULL,                       -- 0 reply, 1 alert, 2 digest, 3 bulk
    state               TEXT    NOT NULL DEFAULT 'PENDING'
                        CHECK (state IN ('PENDING', 'SENT', 'FAILED', 'CANCELLED')),
    attempts            INTEGER NOT NULL DEFAULT 0,
    not_before          INTEGER NOT NULL,
    last_error          TEXT,
    telegram_message_id INTEGER,                                -- the message sent (an album's first)
    created_at          INTEGER NOT NULL,
    sent_at             INTEGER,
    reply_markup        TEXT,
    thread_id           INTEGER,
    action              TEXT    NOT NULL DEFAULT 'send'
                        CHECK (action IN ('send', 'copy', 'copy_album', 'pin', 'edit_text', 'edit_caption', 'delete',
                                          'delete_or_edit_text', 'delete_or_edit_caption')),
    source_chat_id      INTEGER,                                -- copy, copy_album: where the message to copy is
    source_message_id   INTEGER,                                -- copy: the message; copy_album: the album's first
    target_message_id   INTEGER,                                -- pin, edits, deletes: the delivered message
    paid                INTEGER NOT NULL DEFAULT 0,
    then_pin            INTEGER NOT NULL DEFAULT 0,
    sent_paid           INTEGER NOT NULL DEFAULT 0,
    UNIQUE (chat_id, kind, ref_id, part)
);
INSERT INTO deliveries_v10 (id, chat_id, kind, ref_id, part, text, silent, link_preview, priority, state, attempts,
                            not_before, last_error, telegram_message_id, created_at, sent_at, reply_markup, thread_id,
                            action, source_chat_id, source_message_id, target_message_id, paid, then_pin, sent_paid)
    SELECT id, chat_id, kind, ref_id, part, text, silent, link_preview, priority, state, attempts, not_before,
           last_error, telegram_message_id, created_at, sent_at, reply_markup, thread_id, action, source_chat_id,
           CAST(source_message_ids AS INTEGER), target_message_id, paid, then_pin, sent_paid
    FROM deliveries;

-- An album's message ids in order: SOURCE, the editor's messages a copy_album row copies; SENT, the copies Telegram
-- made in the reader's chat (what a correction edits or deletes). Only album rows have any.
CREATE TABLE delivery_album_messages (
    delivery_id INTEGER NOT NULL REFERENCES deliveries_v10 (id) ON DELETE CASCADE,
    role        TEXT    NOT NULL CHECK (role IN ('SOURCE', 'SENT')),
    position    INTEGER NOT NULL,
    message_id  INTEGER NOT NULL,
    PRIMARY KEY (delivery_id, role, position)
) WITHOUT ROWID;
WITH RECURSIVE split (id, pos, rest, mid) AS (
    SELECT id, -1, source_message_ids || ',', NULL FROM deliveries WHERE action = 'copy_album'
    UNION ALL
    SELECT id, pos + 1, substr(rest, instr(rest, ',') + 1), CAST(substr(rest, 1, instr(rest, ',') - 1) AS INTEGER)
    FROM split WHERE rest <> ''
)
INSERT INTO delivery_album_messages (delivery_id, role, position, message_id)
    SELECT id, 'SOURCE', pos, mid FROM split WHERE pos >= 0;
INSERT INTO delivery_album_messages (delivery_id, role, position, message_id)
    SELECT id, 'SENT', 0, telegram_message_id FROM deliveries
    WHERE action = 'copy_album' AND telegram_message_id IS NOT NULL;
WITH RECURSIVE split (id, pos, rest, mid) AS (
    SELECT id, 0, more_message_ids || ',', NULL FROM deliveries
    WHERE action = 'copy_album' AND telegram_message_id IS NOT NULL AND more_message_ids IS NOT NULL
    UNION ALL
    SELECT id, pos + 1, substr(rest, instr(rest, ',') + 1), CAST(substr(rest, 1, instr(rest, ',') - 1) AS INTEGER)
    FROM split WHERE rest <> ''
)
INSERT INTO delivery_album_messages (delivery_id, role, position, message_id)
    SELECT id, 'SENT', pos, mid FROM split WHERE pos >= 1;

DROP TABLE deliveries;
ALTER TABLE deliveries_v10 RENAME TO deliveries;
CREATE INDEX deliveries_due ON deliveries (state, priority, not_before, id) WHERE state = 'PENDING';
CREATE INDEX deliveries_ref ON deliveries (kind, ref_id, state);
CREATE INDEX deliveries_sent ON deliveries (sent_at);
CREATE INDEX deliveries_pending_age ON deliveries (kind, created_at) WHERE state = 'PENDING';
CREATE INDEX deliveries_finished ON deliveries (created_at) WHERE state <> 'PENDING';
