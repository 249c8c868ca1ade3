-- The pipelined sender (issue 9).

-- A reply's inline keyboard, as the Bot API's reply_markup JSON; replies are outbox rows now, committed with the
-- update that caused them, and a keyboard must survive a restart with its message.
ALTER TABLE deliveries ADD COLUMN reply_markup TEXT;

-- Updates of the batch in hand whose effects are committed: updates of different chats are handled concurrently,
-- so the stored offset (bot_state.last_update_id) can only move past a whole batch; an update listed here is
-- skipped when the batch comes again after a crash. Emptied up to the offset whenever it moves.
CREATE TABLE handled_updates (
    update_id INTEGER PRIMARY KEY
);

-- Dropping rows past their use (old breaking alerts, old replies) scans pending rows by age.
CREATE INDEX deliveries_pending_age ON deliveries (kind, created_at) WHERE state = 'PENDING';
