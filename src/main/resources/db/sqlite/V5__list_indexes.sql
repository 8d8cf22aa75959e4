-- List views by status newest first (Done tickets are mostly old, open ones mostly new: walking all
-- tickets newest first to find Done ones, or an old open one, passes many that do not qualify).
-- The awaiting filters hold open tickets only, so they walk the open ones too.
CREATE INDEX tickets_status_activity ON tickets (status, activity);
CREATE INDEX tickets_account_status_activity ON tickets (account_id, status, activity);
