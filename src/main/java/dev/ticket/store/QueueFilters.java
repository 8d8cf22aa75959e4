package dev.ticket.store;

import dev.ticket.model.Status;
import dev.ticket.model.TicketSort;
import org.jdbi.v3.core.statement.Query;

/**
 * The queue views' conditions of a listing (sort, account, assignee, overdue) and its cursor. Every one has an
 * index of V6 (or V5) to walk in the sort's order, so a page reads about as many rows as it shows.
 */
final class QueueFilters {
    private QueueFilters() {
    }

    static void append(StringBuilder sql, TicketQuery q, boolean withCursor) {
        if (q.sort() == TicketSort.DUE || q.overdueAt() != null) {
            // Done tickets are due for nobody: the due order and overdue hold open ones (and use their index)
            sql.append("AND t.status = :queueOpen ");
        }
        if (q.accountId() != null) {
            sql.append("AND t.account_id = :accountFilter ");
        }
        if (q.assigneeId() != null) {
            sql.append("AND t.assignee_id = :assignee ");
        } else if (q.unassigned()) {
            sql.append("AND t.assignee_id IS NULL ");
        }
        if (q.overdueAt() != null) {
            sql.append("AND t.last_message_team = 0 AND t.due_at < :overdueAt ");
        }
        if (!withCursor) {
            return;
        }
        switch (q.sort()) {
            case ACTIVITY -> {
                if (q.before() != null) {
                    sql.append("AND t.activity < :before ");
                }
            }
            case DUE -> {
                if (q.before() != null && q.beforeId() != null) {
                    sql.append("AND (t.due_at > :before OR (t.due_at = :before AND t.id > :beforeId)) ");
                }
            }
            case CREATED -> {
                if (q.beforeId() != null) {
                    sql.append("AND t.id < :beforeId ");
                }
            }
        }
    }

    static Query bind(Query query, TicketQuery q, boolean withCursor) {
        if (q.sort() == TicketSort.DUE || q.overdueAt() != null) {
            query.bind("queueOpen", Status.ON_CUSTOMER.wire());
        }
        if (q.accountId() != null) {
            query.bind("accountFilter", q.accountId());
        }
        if (q.assigneeId() != null) {
            query.bind("assignee", q.assigneeId());
        }
        if (q.overdueAt() != null) {
            query.bind("overdueAt", q.overdueAt());
        }
        if (withCursor) {
            boolean before = switch (q.sort()) {
                case ACTIVITY -> q.before() != null;
                case DUE -> q.before() != null && q.beforeId() != null;
                case CREATED -> false;
            };
            if (before) {
                query.bind("before", q.before());
            }
            if (q.sort() != TicketSort.ACTIVITY && q.beforeId() != null
                    && (q.sort() == TicketSort.CREATED || q.before() != null)) {
                query.bind("beforeId", q.beforeId());
            }
        }
        return query;
    }
}
