-- The same read paths as PostgreSQL's V2: orphan sweep by content, event streams per account and ticket.
CREATE INDEX attachments_sha256 ON attachments (sha256);
CREATE INDEX events_account ON events (account_id, id);
CREATE INDEX events_ticket ON events (ticket_id, id);
