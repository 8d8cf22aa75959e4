package dev.ticket.store;

import dev.ticket.model.NewTicket;
import dev.ticket.model.Role;
import dev.ticket.model.Ticket;
import dev.ticket.model.User;
import dev.ticket.service.BusinessHours;
import dev.ticket.service.Caller;
import dev.ticket.service.ListRequest;
import dev.ticket.service.ServiceSettings;
import dev.ticket.service.TicketService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Users and tickets made through the real rules, each test in an account of its own. */
final class StoreFixture {
    final TicketStore store;
    final TicketService tickets;
    final Caller customer;
    final Caller otherCustomer;
    final Caller agent;
    /** Ends each user's name: a name names one enabled user, and tests share a store. */
    private final String suffix;

    StoreFixture(TicketStore store) {
        this.store = store;
        this.tickets = new TicketService(store, BusinessHours.defaults(), ServiceSettings.defaults(),
                Clock.systemUTC());
        this.suffix = UUID.randomUUID().toString().substring(0, 8);
        String account = "acct-" + suffix;
        this.customer = caller("Olga", Role.CUSTOMER, account);
        this.otherCustomer = caller("Ivan", Role.CUSTOMER, account);
        this.agent = caller("Sam", Role.AGENT, null);
    }

    Caller caller(String given, Role role, String account) {
        String name = given + " " + suffix;
        return store.write(tx -> {
            Instant now = Instant.now();
            Long accountId = account == null ? null : tx.accountId(account, true, now).orElseThrow();
            User user = tx.insertUser(name, role, accountId, now);
            return new Caller(user.id(), name, role, accountId, account);
        });
    }

    Ticket open(String title) {
        return open(customer, title, null);
    }

    Ticket open(Caller who, String title, String dedupeKey) {
        return tickets.open(who, new NewTicket(title, "What happened: it broke.", null, null, null, null, null,
                dedupeKey), List.of(), null).ticket();
    }

    /** Titles the customer finds when searching for {@code text} (all statuses, first page). */
    List<String> search(String text) {
        return tickets.list(customer, new ListRequest(null, text, false, null, null, null, 100, null)).items()
                .stream().map(Ticket::title).sorted().toList();
    }

    Ticket asCustomer(long ticketId) {
        return tickets.get(customer, ticketId);
    }

    Ticket asAgent(long ticketId) {
        return tickets.get(agent, ticketId);
    }
}
