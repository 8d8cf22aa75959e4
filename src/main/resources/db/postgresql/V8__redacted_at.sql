-- When a message was redacted (null: never). The service decides "already redacted" from this column, once, and
-- the message's JSON carries it. Messages redacted before this column existed take the time of their audit entry.
ALTER TABLE messages ADD COLUMN redacted_at BIGINT;
UPDATE messages SET redacted_at = (
    SELECT MIN(a.at) FROM audit a
    WHERE a.action = 'message.redact'
      AND a.target = 'message #' || messages.id || ' in ticket #' || messages.ticket_id);
