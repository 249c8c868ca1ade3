-- Issue 26, the newsroom. audit_log: one row per editorial action (who, what, when, audience, outcome), kept for
-- editorial.audit-retention. websub_subscriptions: the bot's WebSub subscription per feed, its secret and lease.
CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    at        INTEGER NOT NULL,
    actor     INTEGER NOT NULL,              -- the editor's Telegram user id; 0: the site (a push)
    action    TEXT NOT NULL,                 -- store.AuditAction by name
    subject   TEXT NOT NULL,                 -- what it was about: #12, a feed id, a channel id
    audience  INTEGER NOT NULL DEFAULT 0,    -- readers it concerned; 0 when none or not known
    outcome   TEXT NOT NULL                  -- a short line: counts, a state, a reason
);
CREATE INDEX audit_log_at ON audit_log (at);

CREATE TABLE websub_subscriptions (
    feed_id      TEXT PRIMARY KEY,
    hub          TEXT NOT NULL,
    topic        TEXT NOT NULL,
    secret       TEXT NOT NULL,
    state        TEXT NOT NULL,              -- ingest.WebSubState by name
    requested_at INTEGER NOT NULL,
    lease_until  INTEGER NOT NULL DEFAULT 0  -- 0 until the hub verified it
);
