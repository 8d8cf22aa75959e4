-- Lookups that otherwise scan a whole table or a whole account as the data grows:
-- a ticket's attachments, the latest ticket with a dedupe key (open or done), and idempotency expiry.
CREATE INDEX attachments_ticket ON attachments (ticket_id);
CREATE INDEX tickets_account_dedupe ON tickets (account_id, dedupe_key, id) WHERE dedupe_key IS NOT NULL;
CREATE INDEX idempotency_created ON idempotency (created_at);
