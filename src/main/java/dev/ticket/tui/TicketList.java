package dev.ticket.tui;

import dev.ticket.model.Awaiting;
import dev.ticket.model.Status;
import dev.ticket.model.Ticket;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The left pane's state: the tickets the service returned for the current filter and search,
 * the selected ticket (by id, so it survives reloads), and the number of the latest list request
 * ({@code seq}) so that an answer to an older request is dropped. {@code reselect}: the filter or
 * search changed, so the next answer moves the selection to its first ticket. {@code problem}: why the
 * last request failed, shown until an answer comes.
 */
public record TicketList(List<Ticket> tickets, StatusFilter filter, EditBuffer search, boolean searching,
                         Long selected, boolean loaded, long seq, boolean reselect, String problem) {

    public TicketList {
        tickets = List.copyOf(tickets);
    }

    public static TicketList empty() {
        return new TicketList(List.of(), StatusFilter.ALL, EditBuffer.EMPTY, false, null, false, 0, false, null);
    }

    /** The rows in display order: for the team, the tickets awaiting the team come first. */
    public List<Ticket> rows(boolean team) {
        if (!team) {
            return tickets;
        }
        List<Ticket> rows = new ArrayList<>(tickets);
        rows.sort(Comparator.comparing(t -> awaitsTeam(t) ? 0 : 1));
        return rows;
    }

    static boolean awaitsTeam(Ticket t) {
        return t.status() == Status.ON_CUSTOMER && t.awaiting() == Awaiting.TEAM;
    }

    /** The index of the selected ticket among {@link #rows}, or -1. */
    public int selectedIndex(boolean team) {
        List<Ticket> rows = rows(team);
        for (int i = 0; i < rows.size(); i++) {
            if (Objects.equals(rows.get(i).id(), selected)) {
                return i;
            }
        }
        return -1;
    }

    public TicketList withTickets(List<Ticket> t) {
        return new TicketList(t, filter, search, searching, selected, true, seq, false, null);
    }

    public TicketList withSelected(Long id) {
        return new TicketList(tickets, filter, search, searching, id, loaded, seq, reselect, problem);
    }

    public TicketList withSearch(EditBuffer s, boolean editing) {
        return new TicketList(tickets, filter, s, editing, selected, loaded, seq, reselect, problem);
    }

    /** A new list request: answers to earlier ones will be ignored. */
    public TicketList nextRequest(StatusFilter f, boolean reselectAfter) {
        return new TicketList(tickets, f, search, searching, selected, loaded, seq + 1, reselect || reselectAfter, problem);
    }

    public TicketList withProblem(String why) {
        return new TicketList(tickets, filter, search, searching, selected, loaded, seq, reselect, why);
    }

    /** The same list with one ticket's unread counter changed. */
    public TicketList withUnread(long ticketId, int unread) {
        List<Ticket> copy = new ArrayList<>(tickets.size());
        for (Ticket t : tickets) {
            copy.add(t.id() == ticketId ? Tickets.withUnread(t, unread) : t);
        }
        return new TicketList(copy, filter, search, searching, selected, loaded, seq, reselect, problem);
    }
}
