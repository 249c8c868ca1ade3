-- Issue 24: an article read in Telegram. A rich message (sendRichMessage) is a request of its own, action 'send_rich':
-- its text column holds the composed document and the compact text it falls back to, as JSON. SQLite cannot change
-- a CHECK in place: the outbox is rebuilt as V14 did, its albums' ids kept aside meanwhile (dropping the outbox
-- would delete them). A chat where Telegram refused a rich message is remembered (subscribers.rich_refused_at) and
-- gets the compact form from then on. Reads are counted per article and day, nothing about the reader kept.
CREATE TABLE album_kept AS SELECT delivery_id, role, position, message_id FROM delivery_album_messages;
DROP TABLE delivery_album_messages;
CREATE TABLE deliveries_v15 (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    chat_id             INTEGER NOT NULL,
    kind                TEXT    NOT NULL
                        CHECK (kind IN ('REPLY', 'BREAKING', 'TOPIC', 'DIGEST', 'BROADCAST', 'PIN', 'CORRECTION')),
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
                                          'delete_or_edit_text', 'delete_or_edit_caption', 'send_rich')),
    source_chat_id      INTEGER,                                -- copy, copy_album: where the message to copy is
    source_message_id   INTEGER,                                -- copy: the message; copy_album: the album's first
    target_message_id   INTEGER,                                -- pin, edits, deletes: the delivered message
    paid                INTEGER NOT NULL DEFAULT 0,
    then_pin            INTEGER NOT NULL DEFAULT 0,
    sent_paid           INTEGER NOT NULL DEFAULT 0,
    key_kind            TEXT GENERATED ALWAYS AS
                        (CASE WHEN kind IN ('BREAKING', 'TOPIC') THEN 'ALERT' ELSE kind END) VIRTUAL
);
INSERT INTO deliveries_v15 (id, chat_id, kind, ref_id, part, text, silent, link_preview, priority, state, attempts, not_before, last_error, telegram_message_id, created_at, sent_at, reply_markup, thread_id, action, source_chat_id, source_message_id, target_message_id, paid, then_pin, sent_paid)
    SELECT id, chat_id, kind, ref_id, part, text, silent, link_preview, priority, state, attempts, not_before, last_error, telegram_message_id, created_at, sent_at, reply_markup, thread_id, action, source_chat_id, source_message_id, target_message_id, paid, then_pin, sent_paid FROM deliveries;
DROP TABLE deliveries;
ALTER TABLE deliveries_v15 RENAME TO deliveries;
CREATE INDEX deliveries_due ON deliveries (state, priority, not_before, id) WHERE state = 'PENDING';
CREATE INDEX deliveries_ref ON deliveries (kind, ref_id, state);
CREATE UNIQUE INDEX deliveries_key ON deliveries (chat_id, key_kind, ref_id, part);
CREATE INDEX deliveries_sent ON deliveries (sent_at) WHERE sent_at IS NOT NULL;
CREATE INDEX deliveries_pending_age ON deliveries (kind, created_at) WHERE state = 'PENDING';
CREATE INDEX deliveries_finished ON deliveries (created_at) WHERE state <> 'PENDING';

CREATE TABLE delivery_album_messages (
    delivery_id INTEGER NOT NULL REFERENCES deliveries (id) ON DELETE CASCADE,
    role        TEXT    NOT NULL CHECK (role IN ('SOURCE', 'SENT')),
    position    INTEGER NOT NULL,
    message_id  INTEGER NOT NULL,
    PRIMARY KEY (delivery_id, role, position)
) WITHOUT ROWID;
INSERT INTO delivery_album_messages SELECT delivery_id, role, position, message_id FROM album_kept;
DROP TABLE album_kept;

ALTER TABLE subscribers ADD COLUMN rich_refused_at INTEGER;

CREATE TABLE article_reads (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    day        TEXT    NOT NULL,                                -- yyyy-mm-dd, UTC
    reads      INTEGER NOT NULL,
    PRIMARY KEY (article_id, day)
) WITHOUT ROWID;
CREATE INDEX article_reads_day ON article_reads (day, reads);
