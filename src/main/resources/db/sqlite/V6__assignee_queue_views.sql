-- Assignment: the agent a ticket is assigned to, or nobody (NULL).
ALTER TABLE tickets ADD COLUMN assignee_id INTEGER REFERENCES users (id);
-- Queue views. "mine" and "--assignee NAME" walk one agent's tickets newest activity first.
CREATE INDEX tickets_assignee_activity ON tickets (assignee_id, activity);
-- "--sort due": open tickets earliest due first (Done ones are due for nobody); id breaks ties for the cursor.
CREATE INDEX tickets_status_due ON tickets (status, due_at, id);
CREATE INDEX tickets_assignee_status_due ON tickets (assignee_id, status, due_at, id);
CREATE INDEX tickets_account_status_due ON tickets (account_id, status, due_at, id);
-- "--sort created": newest first is the id order (the primary key); per account:
CREATE INDEX tickets_account_created ON tickets (account_id, id);
