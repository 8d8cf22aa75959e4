package dev.ticket.service;

import com.github.benmanes.caffeine.cache.Cache;
import dev.ticket.model.Attachment;
import dev.ticket.model.Author;
import dev.ticket.model.Awaiting;
import dev.ticket.model.Event;
import dev.ticket.model.Message;
import dev.ticket.model.NewTicket;
import dev.ticket.model.Status;
import dev.ticket.model.Ticket;
import dev.ticket.model.TicketPage;
import dev.ticket.model.User;
import dev.ticket.store.Listed;
import dev.ticket.store.NewTicketRow;
import dev.ticket.store.StoreTx;
import dev.ticket.store.TicketHead;
import dev.ticket.store.TicketQuery;
import dev.ticket.store.TicketStore;
import dev.ticket.store.Viewer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The rules of docs/rules.md: opening, replying, closing, reading and listing tickets. */
public final class TicketService {
    private static final int DEFAULT_LIMIT = 30;
    private static final int MAX_LIMIT = 100;

    private final TicketStore store;
    private final BusinessHours hours;
    private final ServiceSettings settings;
    private final Clock clock;
    private final Idempotency idempotency;
    private final AttachmentService attachments;
    private final ReadCache cache;
    private final Assignments assignments;

    public TicketService(TicketStore store, BusinessHours hours, ServiceSettings settings, Clock clock) {
        this.store = store;
        this.hours = hours;
        this.settings = settings;
        this.clock = clock;
        this.idempotency = new Idempotency(store, clock);
        this.attachments = new AttachmentService(store, settings, clock);
        this.cache = new ReadCache(store);
        this.assignments = new Assignments(store, cache, clock);
    }

    /** Binds the store's meters (connection pools, group-commit batch sizes) to metrics. */
    public void bindMetrics(io.micrometer.core.instrument.MeterRegistry registry) {
        store.bindMetrics(registry);
    }

    /** This service's read caches by name (chats, read markers, list pages), for their hit rates in the metrics. */
    public Map<String, Cache<?, ?>> caches() {
        return cache.caches(List.of("tickets", "markers", "pages"));
    }

    /** Opens a ticket, or merges into the account's open ticket with the same dedupe key. */
    public Opened open(Caller caller, NewTicket in, List<Upload> files, String idempotencyKey) {
        requireCanOpen(caller);
        TicketRules.Clean t = TicketRules.check(in, settings.maxBodyChars());
        attachments.checkLimits(files);
        attachments.checkQuota(caller.accountId(), files);
        List<AttachmentService.Stored> stored = attachments.persist(files);
        boolean recorded = false;
        Opened opened = null;
        cache.beginWrite();
        try {
            opened = idempotency.run(caller, idempotencyKey, () -> Idempotency.fingerprint("open", in, files),
                    Opened.class, tx -> {
                List<Long> refs = new ArrayList<>(t.refs());
                if (t.dedupeKey() != null) {
                    var open = tx.openTicketByDedupeKey(caller.accountId(), t.dedupeKey())
                            .flatMap(tx::lockTicket).filter(head -> head.status() != Status.DONE);
                    if (open.isPresent()) { // still open now that it is locked: a close may have come between
                        TicketHead head = open.get();
                        addMessage(tx, caller, head, t.body(), stored);
                        return new Opened(tx.ticket(head.id(), viewer(caller)).orElseThrow().asDeduplicated(), true);
                    }
                    tx.latestTicketByDedupeKey(caller.accountId(), t.dedupeKey())
                            .filter(done -> !refs.contains(done)).ifPresent(refs::add);
                }
                if (tx.countTicketsInAccount(refs, caller.accountId()) != refs.size()) {
                    throw ServiceException.validation("refs must name earlier tickets of your account.");
                }
                Instant now = clock.instant();
                Instant due = hours.dueAt(t.type(), now);
                long id = tx.insertTicket(new NewTicketRow(caller.accountId(), caller.userId(), t.title(),
                        TitleFolding.fold(t.title()), t.type(), t.about(), t.dialogUrl(), t.dedupeKey(), now, due));
                tx.insertRefs(id, refs);
                tx.insertLabels(id, t.labels());
                // the head of the row just inserted (no message yet), not read back
                TicketHead head = new TicketHead(id, caller.accountId(), Status.ON_CUSTOMER, 0, stored(now));
                Message first = addMessage(tx, caller, head, t.body(), stored);
                // two labels or more are read back: the store's collation orders them
                return new Opened(t.labels().size() > 1 ? tx.ticket(id, viewer(caller)).orElseThrow()
                        : inserted(id, caller, t, refs, now, due, first), false);
            });
            recorded = true;
        } finally {
            if (opened != null) {
                written(caller, opened.ticket().id());
            }
            cache.endWrite();
            attachments.release(stored, recorded);
        }
        return opened;
    }

    /**
     * A new ticket as its author reads it back ({@link StoreTx#ticket}), built from what was just inserted: open
     * and the team's turn (a customer opened it), its one message the author's own (nothing unread), assigned to
     * nobody, updated when that message was added, its refs in id order.
     */
    private static Ticket inserted(long id, Caller caller, TicketRules.Clean t, List<Long> refs, Instant now,
                                   Instant due, Message first) {
        return new Ticket(id, t.title(), Status.ON_CUSTOMER, t.type(), t.about(), t.dialogUrl(), caller.account(),
                new Author(caller.userId(), caller.name(), caller.role()), stored(now), first.createdAt(), null,
                stored(due), Awaiting.TEAM, 0, 1, refs.stream().distinct().sorted().toList(), t.labels(), null,
                null, null);
    }

    /** Adds a message to an open ticket (rules.md R2, R4). */
    public Message reply(Caller caller, long ticketId, String body, List<Upload> files, String idempotencyKey) {
        String text = files.isEmpty() || (body != null && !body.isBlank())
                ? TicketRules.body(body, settings.maxBodyChars(), "body")
                : "";
        attachments.checkLimits(files);
        if (!files.isEmpty()) {
            store.read(tx -> {
                attachments.checkQuota(tx, openHead(tx, caller, ticketId).accountId(), files);
                return null;
            });
        }
        List<AttachmentService.Stored> stored = attachments.persist(files);
        boolean recorded = false;
        Message message;
        cache.beginWrite();
        try {
            message = idempotency.run(caller, idempotencyKey,
                    () -> Idempotency.fingerprint("reply:" + ticketId, text, files), Message.class, tx -> {
                TicketHead head = openHead(tx, caller, ticketId);
                return addMessage(tx, caller, head, text, stored);
            });
            recorded = true;
        } finally {
            written(caller, ticketId);
            cache.endWrite();
            attachments.release(stored, recorded);
        }
        return message;
    }

    /** Refuses (403) the team opening tickets, before a multipart body with files is received. */
    public void requireCanOpen(Caller caller) {
        if (caller.team() || caller.accountId() == null) {
            throw new ServiceException(ServiceException.Kind.FORBIDDEN,
                    "Only customers open tickets; the team answers them with ticket reply.");
        }
    }

    /**
     * Refuses early (404, or 409 for Done) a message to a ticket the caller cannot write to, so that a
     * large upload is not received, or its blobs stored, only to be refused by the transaction.
     */
    public void requireOpen(Caller caller, long ticketId) {
        store.read(tx -> {
            TicketHead head = visibleHead(tx, caller, ticketId);
            if (head.status() == Status.DONE) {
                throw ServiceException.closed(ticketId);
            }
            return head;
        });
    }

    /** Sets Done; Done is final (R4). */
    public Ticket close(Caller caller, long ticketId, String idempotencyKey) {
        cache.beginWrite();
        try {
            return closeNow(caller, ticketId, idempotencyKey);
        } finally {
            written(caller, ticketId);
            cache.endWrite();
        }
    }

    private Ticket closeNow(Caller caller, long ticketId, String idempotencyKey) {
        return idempotency.run(caller, idempotencyKey, () -> "close:" + ticketId, Ticket.class, tx -> {
            TicketHead head = openHead(tx, caller, ticketId);
            // the time is taken under the lock, and is later than every message (two in one millisecond too)
            Instant now = latest(clock.instant(), head.updatedAt().plusMillis(1));
            long event = tx.appendEvent(head.id(), head.accountId(), Event.STATUS,
                    Idempotency.json(new Event(0, Event.STATUS, head.id(), Status.DONE, null, now)), now);
            tx.closeTicket(head.id(), now, event);
            return tx.ticket(head.id(), viewer(caller)).orElseThrow();
        });
    }

    /** Marks the ticket read up to its newest message for the caller (R7). */
    public Ticket markRead(Caller caller, long ticketId) {
        cache.beginWrite();
        try {
            return store.write(tx -> {
                TicketHead head = visibleHead(tx, caller, ticketId);
                tx.markRead(caller.userId(), head.id(), head.lastMessageId());
                return tx.ticket(head.id(), viewer(caller)).orElseThrow();
            });
        } finally {
            cache.markerChanged(caller.userId(), ticketId);
            cache.endWrite();
        }
    }

    /** One ticket with its chat. */
    public Ticket get(Caller caller, long ticketId) {
        String asOf = cache.asOf();
        Ticket ticket = cache.ticket(ticketId, asOf)
                .filter(t -> caller.team() || t.account().equals(caller.account()))
                .orElseThrow(() -> ServiceException.notFound("Ticket #" + ticketId));
        return ticket.withUnread(cache.unread(ticket, caller, asOf));
    }

    /** After a committed write to a ticket: its cached chat and the writer's read marker are stale. */
    private void written(Caller caller, long ticketId) {
        cache.ticketChanged(ticketId);
        cache.markerChanged(caller.userId(), ticketId);
    }

    /** Assigns the ticket to the agent {@code userId}, or to nobody (null); the team only. */
    public Ticket assign(Caller caller, long ticketId, Long userId) {
        return assignments.assign(caller, ticketId, userId);
    }

    /** The support team (agents and admins), for the team to choose an assignee by name. */
    public List<dev.ticket.model.User> agents(Caller caller) {
        return assignments.agents(caller);
    }

    /** Tickets newest activity first (or in a queue view's order), one page at a time (R5). */
    public TicketPage list(Caller caller, ListRequest request) {
        int limit = request.limit() == null ? DEFAULT_LIMIT : request.limit();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ServiceException.validation("limit must be between 1 and " + MAX_LIMIT + ".");
        }
        QueueView view = QueueView.of(caller, request, clock);
        if (view.overdueAt() != null) { // depends on the time, so never kept
            return listed(caller, request, view, limit);
        }
        record PageKey(long userId, ListRequest request) {
        }
        return cache.page(new PageKey(caller.userId(), request), () -> listed(caller, request, view, limit));
    }

    private TicketPage listed(Caller caller, ListRequest request, QueueView view, int limit) {
        String search = request.search() == null || request.search().isBlank()
                ? null : TitleFolding.fold(request.search().strip());
        Viewer viewer = viewer(caller);
        // the page and its total from one read, so they agree
        record Found(List<Listed> tickets, Long total) {
        }
        Found found = store.read(tx -> {
            Long accountId = null;
            if (view.account() != null) {
                var account = tx.accountId(view.account(), false, clock.instant());
                if (account.isEmpty()) {
                    throw ServiceException.validation("account: no account is named '"
                            + view.account().replaceAll("\\p{Cc}", "?") + "'; the accounts are: "
                            + String.join(", ", tx.users().stream().map(User::account)
                                    .filter(java.util.Objects::nonNull).distinct().sorted().toList()) + ".");
                }
                accountId = account.get();
            }
            TicketQuery query = new TicketQuery(request.status(), search, request.unreadOnly(), request.type(),
                    request.label(), request.awaiting(), limit + 1, view.position().key(), view.sort(), accountId,
                    view.assigneeId(), view.unassigned(), view.overdueAt(), view.position().id());
            return new Found(tx.tickets(query, viewer), request.total() ? tx.countTickets(query, viewer) : null);
        });
        List<Ticket> page = found.tickets().stream().limit(limit).map(Listed::ticket).toList();
        List<Listed> rows = found.tickets();
        String next = rows.size() > limit
                ? Cursor.after(view.sort(), rows.get(limit - 1).ticket(), rows.get(limit - 1).activity()) : null;
        return new TicketPage(page, next, found.total());
    }

    /**
     * Redacts a message (the team only): its body becomes "redacted by NAME at TIME", its attachments and
     * their bytes are removed, and open chat views are told (a {@code redacted} event). A message redacted before
     * is answered as it is: first note kept, no second event or audit entry.
     */
    public Redacted redact(Caller caller, long messageId) {
        if (!caller.team()) {
            throw new ServiceException(ServiceException.Kind.FORBIDDEN, "Only the team redacts messages.");
        }
        Redaction.Done done;
        cache.beginWrite();
        try {
            done = store.write(tx -> Redaction.apply(tx, caller, messageId, clock.instant()));
            written(caller, done.ticketId());
        } finally {
            cache.endWrite();
        }
        attachments.removeContents(done.removedContents());
        return new Redacted(done.message(), done.earlier());
    }

    public AttachmentService attachments() {
        return attachments;
    }

    private Message addMessage(StoreTx tx, Caller caller, TicketHead head, String body,
                               List<AttachmentService.Stored> files) {
        attachments.checkQuotaStored(tx, head.accountId(), files);
        Instant now = clock.instant();
        long messageId = tx.insertMessage(head.id(), caller.userId(), caller.team(), body, now);
        List<Attachment> recorded = attachments.record(tx, head, messageId, files);
        // the message as stored (its time to the millisecond), built from what was inserted rather than read back
        Message message = new Message(messageId, head.id(), new Author(caller.userId(), caller.name(), caller.role()),
                body, stored(now), recorded);
        long event = tx.appendEvent(head.id(), head.accountId(), Event.MESSAGE,
                Idempotency.json(new Event(0, Event.MESSAGE, head.id(), null, message, now)), now);
        tx.touchTicket(head.id(), now, event, caller.team());
        tx.markReadOwnMessage(caller.userId(), head.id(), messageId);
        return message;
    }

    /**
     * The ticket locked for this write, refused (409) when Done: under the lock no close can come between the
     * check and the write, so a reply racing a close lands before it or is refused (R4, on every node).
     */
    private TicketHead openHead(StoreTx tx, Caller caller, long ticketId) {
        TicketHead head = tx.lockTicket(ticketId)
                .filter(h -> caller.team() || h.accountId() == caller.accountId())
                .orElseThrow(() -> ServiceException.notFound("Ticket #" + ticketId));
        if (head.status() == Status.DONE) {
            throw ServiceException.closed(ticketId);
        }
        return head;
    }

    /** An instant as the store keeps it: to the millisecond. */
    private static Instant stored(Instant instant) {
        return Instant.ofEpochMilli(instant.toEpochMilli());
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** Another account's ticket is answered exactly as one that does not exist. */
    static TicketHead visibleHead(StoreTx tx, Caller caller, long ticketId) {
        return tx.ticketHead(ticketId)
                .filter(h -> caller.team() || h.accountId() == caller.accountId())
                .orElseThrow(() -> ServiceException.notFound("Ticket #" + ticketId));
    }

    static Viewer viewer(Caller caller) {
        return new Viewer(caller.userId(), caller.team(), caller.team() ? null : caller.accountId());
    }
}
