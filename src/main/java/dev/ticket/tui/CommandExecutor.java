package dev.ticket.tui;

import dev.ticket.model.Attachment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Runs {@link Cmd}s against a {@link TuiBackend} off the screen thread and posts each answer as a
 * {@link Msg}. Requests run one at a time, in order; file transfers run on their own thread so a
 * large upload does not hold up the list. Every failure becomes a {@link Msg.Failed}, never a trace.
 */
final class CommandExecutor implements AutoCloseable {
    private final TuiBackend backend;
    private final Consumer<Msg> inbox;
    private final PathCompleter paths;
    private final Path downloadDir;
    private final ExecutorService requests;
    private final ExecutorService transfers;

    CommandExecutor(TuiBackend backend, Consumer<Msg> inbox, PathCompleter paths, Path downloadDir) {
        this.backend = backend;
        this.inbox = inbox;
        this.paths = paths;
        this.downloadDir = downloadDir;
        this.requests = Executors.newSingleThreadExecutor(daemon("ticket-tui-requests"));
        this.transfers = Executors.newSingleThreadExecutor(daemon("ticket-tui-transfers"));
    }

    void submit(List<Cmd> cmds) {
        for (Cmd cmd : cmds) {
            boolean transfer = cmd instanceof Cmd.Attach || cmd instanceof Cmd.Download;
            (transfer ? transfers : requests).execute(() -> inbox.accept(run(cmd)));
        }
    }

    /** Performs one command and returns its answer; never throws. */
    Msg run(Cmd cmd) {
        try {
            return perform(cmd);
        } catch (TuiBackend.BackendException e) {
            return new Msg.Failed(cmd, e.kind(), e.getMessage());
        } catch (RuntimeException e) {
            String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Msg.Failed(cmd, Failure.OTHER, "Unexpected error: " + detail);
        }
    }

    private Msg perform(Cmd cmd) {
        if (cmd instanceof Cmd.LoadMe) {
            return new Msg.MeLoaded(backend.me());
        }
        if (cmd instanceof Cmd.LoadList l) {
            return new Msg.ListLoaded(l.seq(), backend.tickets(l.filter(), l.search(), l.teamQueueFirst()));
        }
        if (cmd instanceof Cmd.LoadTicket t) {
            return new Msg.TicketLoaded(backend.ticket(t.ticketId()));
        }
        if (cmd instanceof Cmd.Send s) {
            return new Msg.MessageSent(s.ticketId(), backend.reply(s.ticketId(), s.body()));
        }
        if (cmd instanceof Cmd.Close c) {
            return new Msg.TicketClosed(backend.close(c.ticketId()));
        }
        if (cmd instanceof Cmd.MarkRead r) {
            backend.markRead(r.ticketId());
            return new Msg.MarkedRead(r.ticketId());
        }
        if (cmd instanceof Cmd.Create c) {
            return new Msg.TicketCreated(backend.create(c.ticket()));
        }
        if (cmd instanceof Cmd.LoadTopics) {
            return new Msg.TopicsLoaded(backend.topics());
        }
        if (cmd instanceof Cmd.CompletePath p) {
            return new Msg.PathCompleted(p.partial(), paths.complete(p.partial()));
        }
        if (cmd instanceof Cmd.Attach a) {
            return attach(a);
        }
        return download(((Cmd.Download) cmd).attachment());
    }

    private Msg attach(Cmd.Attach a) {
        Path file = paths.resolve(a.path());
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new TuiBackend.BackendException(Failure.INVALID, "No readable file at " + a.path() + ".", null);
        }
        return new Msg.MessageSent(a.ticketId(), backend.attach(a.ticketId(), file, a.body()));
    }

    private Msg download(Attachment a) {
        Path target = downloadDir.resolve(safeName(a));
        if (Files.exists(target)) {
            throw new TuiBackend.BackendException(Failure.INVALID,
                    target + " already exists; it was not overwritten.", null);
        }
        backend.download(a, target);
        return new Msg.Downloaded(a, target);
    }

    /** The attachment's own file name, never a path that leaves the download directory. */
    static String safeName(Attachment a) {
        String name = a.filename() == null ? "" : a.filename().replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        boolean usable = !name.isEmpty() && !name.equals(".") && !name.equals("..")
                && name.codePoints().noneMatch(c -> c < 0x20 || c == 0x7f);
        return usable ? name : "attachment-" + a.id();
    }

    /** Daemon threads whose worst failure becomes a status line, never a stack trace on the screen. */
    private java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((thread, e) -> inbox.accept(
                    new Msg.Failed(null, Failure.OTHER, "Unexpected error: " + e)));
            return t;
        };
    }

    @Override
    public void close() {
        requests.shutdownNow();
        transfers.shutdownNow();
    }
}
