-- Editors' tools (issue 6). Broadcast progress is derived from the deliveries rows (kind BROADCAST, ref_id = id);
-- these columns only keep what cannot be derived.

-- The admin's language when the broadcast was created: progress and report texts are written in it.
ALTER TABLE broadcasts ADD COLUMN language TEXT NOT NULL DEFAULT 'ru';
-- Where the progress message lives: the chat of the admin who pressed Send (may differ from admin_chat_id).
ALTER TABLE broadcasts ADD COLUMN progress_chat_id INTEGER;
-- 1 once every audience batch is in the outbox; enqueued_upto alone cannot tell "done" from "not started".
ALTER TABLE broadcasts ADD COLUMN enqueued_all INTEGER NOT NULL DEFAULT 0;
-- 1 once the final report replaced the progress message, so a restart does not report twice or never.
ALTER TABLE broadcasts ADD COLUMN reported INTEGER NOT NULL DEFAULT 0;

CREATE INDEX broadcasts_state ON broadcasts (state);
