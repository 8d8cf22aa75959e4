package dev.ticket.tui;

import dev.ticket.client.ApiException;
import dev.ticket.client.InvalidRequestException;
import dev.ticket.client.NotAuthorizedException;
import dev.ticket.client.NotFoundException;
import dev.ticket.client.TicketClient;
import dev.ticket.client.TicketClosedException;
import dev.ticket.client.TicketQuery;
import dev.ticket.client.TransferProgress;
import dev.ticket.client.UnavailableException;
import dev.ticket.model.Attachment;
import dev.ticket.model.Awaiting;
import dev.ticket.model.Message;
import dev.ticket.model.NewMessage;
import dev.ticket.model.NewTicket;
import dev.ticket.model.Status;
import dev.ticket.model.Ticket;
import dev.ticket.model.User;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The chat view's backend over the HTTP {@link TicketClient}; its failures become one-sentence {@link BackendException}s. */
public final class ClientBackend implements TuiBackend {
    /** The list shows at most this many tickets (newest activity first); search finds the rest. */
    static final int LIST_LIMIT = 100;

    private final TicketClient client;
    private final int listLimit;

    public ClientBackend(TicketClient client) {
        this(client, LIST_LIMIT);
    }

    ClientBackend(TicketClient client, int listLimit) {
        this.client = client;
        this.listLimit = listLimit;
    }

    @Override
    public User me() {
        return call(client::me);
    }

    @Override
    public List<Ticket> tickets(StatusFilter filter, String search, boolean teamQueueFirst) {
        String text = search == null || search.isBlank() ? null : search.strip();
        TicketQuery query = new TicketQuery(filter.status(), text, false, null, null, null);
        List<Ticket> recent = call(() -> client.listTickets(query, listLimit, null).items());
        if (!teamQueueFirst || filter == StatusFilter.DONE) {
            return recent;
        }
        TicketQuery queue = new TicketQuery(Status.ON_CUSTOMER, text, false, null, null, Awaiting.TEAM);
        Map<Long, Ticket> merged = new LinkedHashMap<>();
        call(() -> client.listTickets(queue, listLimit, null).items()).forEach(t -> merged.put(t.id(), t));
        recent.forEach(t -> merged.putIfAbsent(t.id(), t));
        return new ArrayList<>(merged.values());
    }

    @Override
    public Ticket ticket(long id) {
        return call(() -> client.getTicket(id));
    }

    @Override
    public Message reply(long ticketId, String body) {
        String key = TicketClient.newIdempotencyKey();
        return call(() -> client.reply(ticketId, new NewMessage(body), key));
    }

    @Override
    public Message attach(long ticketId, Path file, String body) {
        String key = TicketClient.newIdempotencyKey();
        return call(() -> client.reply(ticketId, body == null ? "" : body, List.of(file), key, TransferProgress.NONE));
    }

    @Override
    public Ticket close(long ticketId) {
        String key = TicketClient.newIdempotencyKey();
        return call(() -> client.close(ticketId, key));
    }

    @Override
    public void markRead(long ticketId) {
        String key = TicketClient.newIdempotencyKey();
        call(() -> client.markRead(ticketId, key));
    }

    @Override
    public Ticket create(NewTicket ticket) {
        String key = TicketClient.newIdempotencyKey();
        return call(() -> client.createTicket(ticket, key));
    }

    @Override
    public List<String> topics() {
        return call(() -> client.topics().topics());
    }

    @Override
    public void download(Attachment attachment, Path target) {
        Downloads.save(attachment, target, sink -> call(() -> client.download(attachment.id(), sink,
                TransferProgress.NONE)));
    }

    @Override
    public AutoCloseable events(EventListener listener) {
        return LiveEvents.start(client, listener);
    }

    /** Runs a client call, turning its exceptions into sentences for the status line. */
    static <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (ApiException e) {
            throw new BackendException(kind(e), sentence(e.getMessage()), e);
        } catch (UncheckedIOException e) {
            throw new BackendException(Failure.OTHER, sentence(e.getCause().getMessage()), e);
        }
    }

    private static Failure kind(ApiException e) {
        if (e instanceof TicketClosedException) {
            return Failure.CLOSED;
        }
        if (e instanceof NotFoundException) {
            return Failure.NOT_FOUND;
        }
        if (e instanceof UnavailableException) {
            return Failure.UNAVAILABLE;
        }
        if (e instanceof NotAuthorizedException) {
            return Failure.DENIED;
        }
        return e instanceof InvalidRequestException ? Failure.INVALID : Failure.OTHER;
    }

    /** "cannot reach the service" → "Cannot reach the service." */
    static String sentence(String text) {
        String s = text == null || text.isBlank() ? "The service refused the request" : text.strip();
        s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        return s.endsWith(".") || s.endsWith("?") || s.endsWith("!") ? s : s + ".";
    }
}
