-- The site's own channels and readers' groups (issue 13).

-- A forum topic (message_thread_id) the chat's pushes go to: a configured channel's thread, or a group's
-- choice with /here. NULL: the chat itself (a forum's General topic). It lives on the subscriber, not on each
-- delivery, so rows already queued follow a /here, and a migrated group keeps it.
ALTER TABLE subscribers ADD COLUMN thread_id INTEGER;
-- Every push to this chat without sound (a channel's channel.<id>.silent).
ALTER TABLE subscribers ADD COLUMN silent INTEGER NOT NULL DEFAULT 0;
-- A reply's forum topic: the topic the command was written in, so the answer appears where it was asked.
ALTER TABLE deliveries ADD COLUMN thread_id INTEGER;

-- Configured channels; each one's settings live in its subscribers row (chat_type 'channel') once its chat id is
-- known. While a channel is paused by an editor or the bot may not post there (problem not NULL), its pending
-- deliveries are held: the sender skips them, so nothing is lost and nothing fails.
CREATE TABLE channels (
    channel_key TEXT PRIMARY KEY,                               -- the <id> of channel.<id>.*
    chat_ref    TEXT    NOT NULL,                               -- @username or the numeric id, as configured
    chat_id     INTEGER,                                        -- resolved with getChat; NULL until then
    paused      INTEGER NOT NULL DEFAULT 0,
    problem     TEXT,                                           -- what to fix, NULL when posting works
    checked_at  INTEGER
);
CREATE UNIQUE INDEX channels_chat ON channels (chat_id) WHERE chat_id IS NOT NULL;
