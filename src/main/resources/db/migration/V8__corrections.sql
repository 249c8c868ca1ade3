-- Corrections and retractions (issue 16): an editor fixes or withdraws a sent broadcast or breaking alert in every
-- reader's chat. What each copy needs is a CORRECTION row in the outbox (ref_id = the correction's id,
-- target_message_id = the delivered copy); this table keeps only what cannot be derived from those rows.
CREATE TABLE corrections (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    action              TEXT    NOT NULL CHECK (action IN ('correct', 'retract')),
    target_kind         TEXT    NOT NULL CHECK (target_kind IN ('BROADCAST', 'BREAKING')),
    target_ref          INTEGER NOT NULL,                       -- the broadcast's id or the article's id
    -- the target's content: 'html' is edited with editMessageText, a media kind with editMessageCaption,
    -- a 'poll' cannot be edited at all (only retracted)
    content             TEXT    NOT NULL DEFAULT 'html',
    text                TEXT,                                   -- correct: the corrected HTML; retract: NULL
    notice              TEXT,                                   -- retract: a one-line notice to readers who got it
    editor_user_id      INTEGER NOT NULL,
    editor_chat_id      INTEGER NOT NULL,
    language            TEXT    NOT NULL,                       -- the editor's: preview, progress and report
    state               TEXT    NOT NULL DEFAULT 'DRAFT'
                        CHECK (state IN ('DRAFT', 'RUNNING', 'PAUSED', 'DONE', 'CANCELLED')),
    -- At confirmation: the target's last outbox row (later rows were written with the corrected text), and how
    -- many of its rows were still queued then (replaced or cancelled; some may have been on the wire already).
    fence               INTEGER,
    queued              INTEGER NOT NULL DEFAULT 0,
    enqueued_upto       INTEGER,                                -- the last target row given its correction rows
    enqueued_all        INTEGER NOT NULL DEFAULT 0,
    preview_message_id  INTEGER,                                -- the editor's message with Confirm / Cancel
    progress_chat_id    INTEGER,
    progress_message_id INTEGER,
    reported            INTEGER NOT NULL DEFAULT 0,
    created_at          INTEGER NOT NULL,
    started_at          INTEGER,
    finished_at         INTEGER
);
CREATE INDEX corrections_target ON corrections (target_kind, target_ref, state);
CREATE INDEX corrections_state ON corrections (state);
