package dev.ticket.service;

import dev.ticket.model.Status;
import dev.ticket.model.TicketSort;
import java.time.Clock;
import java.util.Locale;

/**
 * A list request's queue view, checked: its order and cursor, and the team's filters (an account by name, an
 * assignee, overdue). Customers may order their tickets and ask for the overdue ones; the account and assignee
 * filters are the team's (422, which the CLI shows as a usage error).
 */
record QueueView(TicketSort sort, Cursor.Position position, String account, Long assigneeId, boolean unassigned,
                 Long overdueAt) {

    static QueueView of(Caller caller, ListRequest request, Clock clock) {
        TicketSort sort = request.sort() == null ? TicketSort.ACTIVITY : request.sort();
        if (sort == TicketSort.DUE && request.status() == Status.DONE) {
            throw ServiceException.validation("sort: Done tickets are due for nobody; sort them by activity or "
                    + "created.");
        }
        String account = blankToNull(request.account());
        String assignee = blankToNull(request.assignee());
        if (!caller.team() && (account != null || assignee != null)) {
            throw ServiceException.validation("The account and assignee filters are for the support team.");
        }
        Long assigneeId = null;
        boolean unassigned = false;
        if (assignee != null) {
            switch (assignee.toLowerCase(Locale.ROOT)) {
                case "none" -> unassigned = true;
                case "me" -> assigneeId = caller.userId();
                default -> assigneeId = userId(assignee);
            }
        }
        return new QueueView(sort, Cursor.decode(request.cursor(), sort), account, assigneeId, unassigned,
                request.overdue() ? clock.instant().toEpochMilli() : null);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** An id in a query is 1 to 18 ASCII digits; anything else is 400 (rules.md, contract). */
    private static long userId(String raw) {
        if (raw.matches("[0-9]{1,18}") && Long.parseLong(raw) > 0) {
            return Long.parseLong(raw);
        }
        throw new ServiceException(ServiceException.Kind.BAD_REQUEST, "assignee: '"
                + raw.replaceAll("\\p{Cc}", "?") + "' is not an id, me or none; an id is 1 to 18 digits 0-9.");
    }
}
