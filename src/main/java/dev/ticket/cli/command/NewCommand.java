package dev.ticket.cli.command;

import dev.ticket.cli.config.RecentIds;
import dev.ticket.cli.BaseCommand;
import dev.ticket.cli.PrintsJson;
import dev.ticket.cli.ExitCodes;
import dev.ticket.cli.UsageException;
import dev.ticket.cli.output.Output;
import dev.ticket.cli.output.Shown;
import dev.ticket.cli.output.TerminalProgress;
import dev.ticket.client.TicketClient;
import dev.ticket.model.Limits;
import dev.ticket.model.NewTicket;
import dev.ticket.model.Ticket;
import dev.ticket.model.TicketType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ticket new}: opens a ticket (asking for the fields on a terminal). */
@Command(name = "new",
        description = {"Open a ticket.",
                "A ticket has a title and a first message: what happened, which AI employee or function it "
                        + "concerns, what you did, what went wrong, how to reproduce it.",
                "On a terminal without -t it asks for the fields (Tab completes types and topics), opens "
                        + "$EDITOR for the message (an empty message cancels), then offers to attach files. Without a terminal a missing "
                        + "field is an error (exit 2).",
                "One question, one ticket: to add to an open ticket use 'ticket reply'."},
        footer = {
                "  ticket new                                   # asks for everything, files too",
                "  ticket new -t \"Booking link opens a blank page\" --type critical \\",
                "      --about \"AI employees\" -m \"Concierge in Telegram sends a broken link.\"",
                "  ticket new -t \"Nightly export failed\" -F build.log --dedupe-key nightly -q",
                "  make test 2>&1 | ticket new -t \"CI failure\" -F - --label ci",
                "  ticket new -t \"Still broken\" --ref 42 -e",
                "  ticket new -t \"Widget shows an error\" -m \"See the screen.\" -a shot.png",
                "  ticket new --from-ci --log build.log         # in a CI job's failure step"})
@PrintsJson(value = Ticket.class, omit = {}) // only new merges into a ticket: "deduplicated"
public class NewCommand extends BaseCommand {
    @Option(names = {"-t", "--title"}, paramLabel = "TITLE",
            description = "The ticket's title (required, except with --from-ci).")
    String title;

    @Mixin
    MessageOptions message;

    @Option(names = "--type", paramLabel = "TYPE", converter = Choices.Types.class,
            completionCandidates = Choices.Types.class,
            description = "critical (platform down, wrong charges), question (the default) or suggestion.")
    TicketType type;

    @Option(names = "--about", paramLabel = "TEXT",
            description = "The AI employee or platform function concerned, e.g. \"Concierge\" or \"Finance\".")
    String about;

    @Option(names = "--dialog", paramLabel = "URL", description = "Link (http or https) to the chat dialog concerned.")
    String dialog;

    @Option(names = "--ref", paramLabel = "ID", converter = TicketIdConverter.class,
            completionCandidates = RecentIds.Candidates.class,
            description = "An earlier ticket this one follows up (repeatable).")
    List<Long> refs = new ArrayList<>();

    @Option(names = {"-l", "--label"}, paramLabel = "LABEL", description = "A label (repeatable).")
    List<String> labels = new ArrayList<>();

    @Option(names = {"-a", "--attach"}, paramLabel = "FILE",
            description = "Attach a file to the first message (repeatable; a progress bar shows on a terminal).")
    List<Path> attachments = new ArrayList<>();

    @Option(names = "--idempotency-key", paramLabel = "KEY",
            description = "Send this key instead of a random one: resending with the same key opens no second ticket.")
    String idempotencyKey;

    @Option(names = "--dedupe-key", paramLabel = "KEY",
            description = "If an open ticket of your account has this key, add the message to it instead.")
    String dedupeKey;

    @Mixin
    CiOptions ci;

    @Override
    protected int run() {
        ci.check();
        List<Path> files = FileSender.check(attachments, this::client);
        if (ci.fromCi) {
            return fromCi(files);
        }
        List<Path> sent = new ArrayList<>(files);
        NewTicket ticket = io.canPrompt() && (title == null || !message.given()) ? ask(sent) : fromFlags();
        Ticket opened = client().createTicket(ticket, sent,
                idempotencyKey != null ? idempotencyKey : TicketClient.newIdempotencyKey(),
                TerminalProgress.forTask(io, out(), "Uploading"));
        report(opened);
        return ExitCodes.OK;
    }

    /** {@code --from-ci}: never prompts; the CI environment and log fill what the flags leave out. */
    private int fromCi(List<Path> files) {
        if (message.given() && message.editor) {
            throw new UsageException("--from-ci never prompts: give extra words with -m TEXT or -F FILE, not -e");
        }
        if ("-".equals(message.file) && "-".equals(ci.log)) {
            throw new UsageException("standard input can be the log (--log -) or the message (-F -), not both");
        }
        String note = new Composer(io).fromOptions(message, NewTicketForm.TEMPLATE, null);
        Limits limits = ci.log == null ? null : client().limits();
        CiFailure.Prepared prepared = new CiFailure(io, ci).prepare(build(title, note, type, about, dialog),
                limits, files.size());
        Ticket opened;
        try {
            List<Path> sent = new ArrayList<>(files);
            if (prepared.log() != null) {
                sent.add(prepared.log());
            }
            opened = client().createTicket(prepared.ticket(), sent,
                    idempotencyKey != null ? idempotencyKey : prepared.idempotencyKey(),
                    TerminalProgress.forTask(io, out(), "Uploading"));
        } finally {
            prepared.cleanUp();
        }
        if (!out().json() && !out().quiet() && Boolean.TRUE.equals(opened.deduplicated())) {
            out().println("Added to open ticket #" + opened.id() + " (" + Shown.line(opened.title()) + "): the same CI failure "
                    + "(fingerprint " + prepared.ticket().dedupeKey() + ") is already reported there.");
        } else {
            report(opened);
            followsUp(opened, prepared.ticket());
        }
        return ExitCodes.OK;
    }

    /** Says when the service linked the new ticket to the Done one with the same fingerprint. */
    private void followsUp(Ticket opened, NewTicket sent) {
        List<Long> linked = opened.refs().stream().filter(r -> sent.refs() == null || !sent.refs().contains(r))
                .toList();
        if (!linked.isEmpty() && !out().json() && !out().quiet()) {
            out().println("The same failure was reported in #" + linked.get(0) + ", which is done: this ticket "
                    + "refers to it.");
        }
    }

    private NewTicket fromFlags() {
        if (title == null || title.isBlank()) {
            throw new UsageException("missing the title: give -t TITLE (no terminal to ask for it)");
        }
        String body = new Composer(io).fromOptions(message, NewTicketForm.TEMPLATE, null);
        if (body == null) {
            throw new UsageException("missing the message: give -m TEXT, -F FILE or -F - (no terminal to ask for it)");
        }
        return build(title.strip(), body, type, about, dialog);
    }

    /** Asks for what the flags leave out, then for files to attach (added to {@code files}). */
    private NewTicket ask(List<Path> files) {
        try (Prompter prompter = new Prompter(io)) {
            NewTicketForm form = new NewTicketForm(prompter, this::topics);
            String askedTitle = title != null ? title.strip() : form.title();
            TicketType askedType = type != null || title != null ? type : form.type();
            String askedAbout = about != null || title != null ? about : form.about();
            String askedDialog = dialog != null || title != null ? dialog : form.dialog();
            Composer composer = new Composer(io);
            String body = composer.fromOptions(message, NewTicketForm.TEMPLATE, prompter);
            if (body == null) {
                body = composer.fromEditor(NewTicketForm.TEMPLATE, prompter);
            }
            List<Path> all = form.attachments(files, () -> client().limits());
            files.clear();
            files.addAll(all);
            return build(askedTitle, body, askedType, askedAbout, askedDialog);
        }
    }

    @Override
    protected java.util.Map<String, String> apiFields() {
        return java.util.Map.of("title", "--title", "body", MessageOptions.messageFlag(message), "type", "--type",
                "about", "--about", "dialog_url", "--dialog", "refs", "--ref", "labels", "--label", "label",
                "--label", "dedupe_key", "--dedupe-key", "Idempotency-Key", "--idempotency-key");
    }

    private List<String> topics() {
        try {
            return client().topics().topics().stream().map(Shown::line).toList(); // shown in completion
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private NewTicket build(String ticketTitle, String body, TicketType ticketType, String ticketAbout,
                            String dialogUrl) {
        return new NewTicket(blankToNull(ticketTitle), body, ticketType, blankToNull(ticketAbout),
                blankToNull(dialogUrl),
                refs.isEmpty() ? null : List.copyOf(refs), labels.isEmpty() ? null : List.copyOf(labels),
                blankToNull(dedupeKey));
    }

    private void report(Ticket t) {
        RecentIds.remember(io.env(), List.of(t));
        Output out = out();
        if (out.json()) {
            out.printJson(t);
        } else if (out.quiet()) {
            out.println(Long.toString(t.id()));
        } else if (Boolean.TRUE.equals(t.deduplicated())) {
            out.println("Added your message to open ticket #" + t.id() + " (" + Shown.line(t.title()) + "): it has the same "
                    + "dedupe key.");
        } else {
            out.println("Opened ticket #" + t.id() + ": " + Shown.line(t.title()));
            if (t.dueAt() != null) {
                out.println("Type " + (t.type() == null ? "question" : t.type().wire()) + "; the team aims to answer "
                        + "by " + out.formats().dateTime(t.dueAt()) + ". Follow it with: ticket show " + t.id());
            }
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
