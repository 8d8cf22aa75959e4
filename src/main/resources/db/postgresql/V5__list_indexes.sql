-- List views by status newest first. Done tickets are mostly old and open ones mostly new, which the
-- planner cannot know: with the whole activity index it expects a Done ticket in every row or two and
-- walks past thousands of open ones. An index per status holds only the rows it is asked for.
-- The awaiting filters hold open tickets only, so they walk the open ones too.
CREATE INDEX tickets_done_activity ON tickets (activity) WHERE status = 'done';
CREATE INDEX tickets_open_activity ON tickets (activity) WHERE status = 'on_customer';
CREATE INDEX tickets_account_done_activity ON tickets (account_id, activity) WHERE status = 'done';
CREATE INDEX tickets_account_open_activity ON tickets (account_id, activity) WHERE status = 'on_customer';
