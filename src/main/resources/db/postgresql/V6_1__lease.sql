-- One active instance among those sharing this database (issue 15); PostgreSQL only: SQLite runs one instance.
-- The active instance bumps beats every few seconds; a standby that sees neither beats nor holder change for
-- the takeover time (measured on its own clock, so the machines' clocks need not agree) takes the lease with
-- epoch + 1. Every transaction of the active instance checks that it still holds the epoch it took.
-- Numbered 6.1 so that the next SQLite migration's mirror can keep its number.
CREATE TABLE instance_lease (
    name       TEXT   PRIMARY KEY,                    -- always 'active'
    holder     TEXT   NOT NULL,                       -- '<instance.name>#<start id>', '' when released
    epoch      BIGINT NOT NULL,
    beats      BIGINT NOT NULL,
    renewed_at BIGINT NOT NULL                        -- the holder's clock, for operators only
);
INSERT INTO instance_lease (name, holder, epoch, beats, renewed_at) VALUES ('active', '', 0, 0, 0);
