-- Assignment: the agent a ticket is assigned to, or nobody (NULL).
ALTER TABLE tickets ADD COLUMN assignee_id BIGINT REFERENCES users (id);
-- Queue views. "mine" and "--assignee NAME" walk one agent's tickets newest activity first.
CREATE INDEX tickets_assignee_activity ON tickets (assignee_id, activity);
-- "--sort due": open tickets earliest due first (Done ones are due for nobody); id breaks ties for the cursor.
-- Partial, like V5's: only the open tickets are ever asked for in due order.
CREATE INDEX tickets_open_due ON tickets (due_at, id) WHERE status = 'on_customer';
CREATE INDEX tickets_assignee_open_due ON tickets (assignee_id, due_at, id) WHERE status = 'on_customer';
CREATE INDEX tickets_account_open_due ON tickets (account_id, due_at, id) WHERE status = 'on_customer';
-- "--sort created": newest first is the id order (the primary key); per account:
CREATE INDEX tickets_account_created ON tickets (account_id, id);
