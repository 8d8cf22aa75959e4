-- Admin hygiene: tokens that expire and say when they were last used (written at most once a minute
-- per token), users that can be disabled, and an audit log of admin actions written in the same
-- transaction as the action.
ALTER TABLE tokens ADD COLUMN expires_at INTEGER;
ALTER TABLE tokens ADD COLUMN last_used_at INTEGER;
ALTER TABLE users ADD COLUMN disabled_at INTEGER;
CREATE INDEX tokens_user ON tokens (user_id);

CREATE TABLE audit (
    id         INTEGER PRIMARY KEY,
    at         INTEGER NOT NULL,
    actor_id   INTEGER NOT NULL,
    actor      TEXT    NOT NULL,
    action     TEXT    NOT NULL,
    target     TEXT    NOT NULL,
    client     TEXT    NOT NULL
);
