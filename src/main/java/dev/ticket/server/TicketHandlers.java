package dev.ticket.server;

import dev.ticket.model.Attachment;
import dev.ticket.model.Awaiting;
import dev.ticket.model.Message;
import dev.ticket.model.NewAssignee;
import dev.ticket.model.NewMessage;
import dev.ticket.model.NewTicket;
import dev.ticket.model.Status;
import dev.ticket.model.Ticket;
import dev.ticket.model.TicketPage;
import dev.ticket.model.TicketSort;
import dev.ticket.model.TicketType;
import dev.ticket.model.Topics;
import dev.ticket.service.AccountService;
import dev.ticket.service.AttachmentService;
import dev.ticket.service.BusinessHours;
import dev.ticket.service.ListRequest;
import dev.ticket.service.Opened;
import dev.ticket.service.Redacted;
import dev.ticket.service.ServiceException;
import dev.ticket.service.TicketService;
import dev.ticket.service.Upload;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** The customer and agent routes: thin mappings from HTTP to {@link TicketService}. */
final class TicketHandlers {
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final String REDACTION = "Ticket-Redaction";
    private static final int DOWNLOAD_BLOCK = 256 * 1024;

    private final TicketService tickets;
    private final AccountService accounts;
    private final BusinessHours hours;
    private final Clock clock;
    private final Uploads uploads;
    private final JsonBodies<Ticket> bodies;
    private final JsonBodies<TicketPage> pages;
    private final DownloadSlots downloads;

    TicketHandlers(TicketService tickets, AccountService accounts, BusinessHours hours, Clock clock,
                   JsonBodies<Ticket> bodies, JsonBodies<TicketPage> pages, DownloadSlots downloads) {
        this.tickets = tickets;
        this.accounts = accounts;
        this.hours = hours;
        this.clock = clock;
        this.uploads = new Uploads(tickets.attachments());
        this.bodies = bodies;
        this.pages = pages;
        this.downloads = downloads;
    }

    void me(Context ctx) throws IOException {
        Responses.json(ctx, accounts.me(Requests.caller(ctx)));
    }

    void hours(Context ctx) throws IOException {
        Responses.json(ctx, hours.hoursAt(clock.instant()));
    }

    void limits(Context ctx) throws IOException {
        Responses.json(ctx, tickets.attachments().limits());
    }

    void topics(Context ctx) throws IOException {
        Responses.json(ctx, new Topics(tickets.attachments().settings().topics()));
    }

    void list(Context ctx) throws IOException {
        String status = ctx.queryParam("status");
        Status wanted = status == null || status.isBlank() || status.equalsIgnoreCase("all")
                ? null : Requests.enumParam(ctx, "status", Status.class);
        ListRequest request = new ListRequest(wanted, ctx.queryParam("q"), Requests.boolParam(ctx, "unread"),
                Requests.enumParam(ctx, "type", TicketType.class), blankToNull(ctx.queryParam("label")),
                Requests.enumParam(ctx, "awaiting", Awaiting.class), Requests.intParam(ctx, "limit"),
                ctx.queryParam("cursor"), Requests.boolParam(ctx, "total"),
                Requests.enumParam(ctx, "sort", TicketSort.class), blankToNull(ctx.queryParam("account")),
                blankToNull(ctx.queryParam("assignee")), Requests.boolParam(ctx, "overdue"));
        // a page kept by the service is the same value again: its JSON is kept too
        downloads.write(ctx, pages.json(tickets.list(Requests.caller(ctx), request)));
    }

    void open(Context ctx) throws IOException {
        Opened opened;
        if (Requests.isMultipart(ctx)) {
            refuseBeforeUpload(ctx, () -> tickets.requireCanOpen(Requests.caller(ctx)));
            try (Uploads.Received form = uploads.receive(ctx, Uploads.TICKET_FIELDS)) {
                opened = tickets.open(Requests.caller(ctx), form.newTicket(), form.files(),
                        ctx.header(IDEMPOTENCY_KEY));
            }
        } else {
            opened = tickets.open(Requests.caller(ctx), Requests.json(ctx, NewTicket.class), List.of(),
                    ctx.header(IDEMPOTENCY_KEY));
        }
        Responses.json(ctx, opened.deduplicated() ? 200 : 201, opened.ticket());
    }

    /**
     * Runs a check that may refuse an upload before its body is read (no file is stored for a closed ticket).
     * The refusal is answered first and the unread body drained after ({@link Problems#answerEarly}): answered
     * the usual way, the connection was closed with the body unread and the client could lose the answer.
     */
    private static void refuseBeforeUpload(Context ctx, Runnable check) throws IOException {
        try {
            check.run();
        } catch (ServiceException e) {
            throw Problems.answerEarly(ctx, ctx.req().getInputStream(), e);
        }
    }

    void get(Context ctx) throws IOException {
        Ticket ticket = tickets.get(Requests.caller(ctx), Requests.id(ctx));
        long text = ticket.title().length();
        for (Message message : ticket.messages() == null ? List.<Message>of() : ticket.messages()) {
            text += message.body() == null ? 0 : message.body().length();
        }
        downloads.writeChat(ctx, text, () -> bodies.json(ticket));
    }

    void reply(Context ctx) throws IOException {
        long id = Requests.id(ctx);
        if (Requests.isMultipart(ctx)) {
            refuseBeforeUpload(ctx, () -> tickets.requireOpen(Requests.caller(ctx), id));
            try (Uploads.Received form = uploads.receive(ctx, Uploads.MESSAGE_FIELDS)) {
                Responses.json(ctx, 201, tickets.reply(Requests.caller(ctx), id, form.field("body"), form.files(),
                        ctx.header(IDEMPOTENCY_KEY)));
            }
        } else {
            NewMessage message = Requests.json(ctx, NewMessage.class);
            Responses.json(ctx, 201, tickets.reply(Requests.caller(ctx), id, message.body(), List.<Upload>of(),
                    ctx.header(IDEMPOTENCY_KEY)));
        }
    }

    void close(Context ctx) throws IOException {
        Responses.json(ctx, tickets.close(Requests.caller(ctx), Requests.id(ctx), ctx.header(IDEMPOTENCY_KEY)));
    }

    /** The answer says whether this request redacted the message or an earlier one had (openapi.yaml). */
    void redact(Context ctx) throws IOException {
        Redacted redacted = tickets.redact(Requests.caller(ctx), Requests.id(ctx));
        ctx.res().setHeader(REDACTION, redacted.earlier() ? "earlier" : "done");
        Responses.json(ctx, redacted.message());
    }

    void assign(Context ctx) throws IOException {
        long id = Requests.id(ctx);
        NewAssignee to = Requests.json(ctx, NewAssignee.class);
        Responses.json(ctx, tickets.assign(Requests.caller(ctx), id, to.userId()));
    }

    void unassign(Context ctx) throws IOException {
        Responses.json(ctx, tickets.assign(Requests.caller(ctx), Requests.id(ctx), null));
    }

    void agents(Context ctx) throws IOException {
        Responses.json(ctx, java.util.Map.of("items", tickets.agents(Requests.caller(ctx))));
    }

    void read(Context ctx) throws IOException {
        Responses.json(ctx, tickets.markRead(Requests.caller(ctx), Requests.id(ctx)));
    }

    /** Streams the file: never compressed (Content-Length is the file's), never sniffed by browsers. */
    void attachment(Context ctx) throws IOException {
        AttachmentService.Content content = tickets.attachments().open(Requests.caller(ctx), Requests.id(ctx));
        try (InputStream in = content.bytes()) { // closed as well when the download is refused
            downloads.send(() -> send(ctx, content.attachment(), in));
        }
    }

    private static void send(Context ctx, Attachment attachment, InputStream in) throws IOException {
        ctx.disableCompression();
        ctx.header("Content-Disposition", ContentDisposition.attachment(attachment.filename()));
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Length", String.valueOf(attachment.size()));
        ctx.header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(
                HexFormat.of().parseHex(attachment.sha256())) + ":");
        ctx.header("ETag", "\"" + attachment.sha256() + "\"");
        ctx.header("Cache-Control", "private, max-age=31536000, immutable");
        ctx.contentType(attachment.contentType());
        // large blocks straight to Jetty's output (Javalin's result stream copies 8 KiB at a time)
        try (OutputStream out = ctx.outputStream()) {
            byte[] block = new byte[DOWNLOAD_BLOCK];
            for (int n; (n = in.read(block)) >= 0; ) {
                out.write(block, 0, n);
            }
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static ServiceException unsupported(String message) {
        return new ServiceException(ServiceException.Kind.UNSUPPORTED_MEDIA_TYPE, message);
    }
}
