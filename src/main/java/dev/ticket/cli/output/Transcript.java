package dev.ticket.cli.output;

import dev.ticket.model.Status;
import dev.ticket.model.Attachment;
import dev.ticket.model.ByteSizes;
import dev.ticket.model.Message;
import dev.ticket.model.Ticket;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A ticket and its chat as text. As a chat (on a terminal) the team's messages stand on the left and
 * the customer's on the right, as in the seed; otherwise a plain transcript, one message after another.
 */
public record Transcript(Style style, Formats formats, boolean chat, int width) {
    /** At least 40 columns wide. */
    public Transcript {
        width = Math.max(40, width);
    }

    public void ticket(Ticket raw, PrintStream out) {
        ticket(raw, out, null);
    }

    /** The ticket with {@code timeLeft} ("due in 2 h 10 min", null for none) beside its due time. */
    public void ticket(Ticket raw, PrintStream out, String timeLeft) {
        Ticket t = Shown.inert(raw);
        header(t, out, timeLeft);
        for (Message m : t.messages() == null ? List.<Message>of() : t.messages()) {
            out.println();
            message(m, out);
        }
        if (t.isDone()) {
            out.println();
            out.println(style.dim("This ticket is Done and cannot be reopened; to follow up: ticket new --ref "
                    + t.id()));
        }
    }

    void header(Ticket raw, PrintStream out) {
        header(raw, out, null);
    }

    void header(Ticket raw, PrintStream out, String timeLeft) {
        Ticket t = Shown.inert(raw);
        out.println(style.bold("#" + t.id() + "  " + t.title()));
        List<String> facts = new ArrayList<>();
        String status = Status.label(t.status());
        facts.add("Status: " + (t.isDone() ? style.green(status) : style.yellow(status)));
        facts.add("Type: " + (t.type() == null ? "question" : t.type().wire()));
        if (t.about() != null) {
            facts.add("About: " + t.about());
        }
        if (t.account() != null) {
            facts.add("Account: " + t.account());
        }
        if (t.assignee() != null) {
            facts.add("Assignee: " + t.assignee().name());
        }
        out.println(String.join(" · ", facts));
        List<String> times = new ArrayList<>();
        times.add("Opened " + formats.dateTime(t.createdAt()) + (t.author() == null ? "" : " by " + t.author().name()));
        if (t.isDone()) {
            times.add("Closed " + formats.dateTime(t.closedAt()));
        } else if (t.dueAt() != null) {
            times.add("Due " + formats.dateTime(t.dueAt()) + (timeLeft == null ? ""
                    : " (" + (timeLeft.startsWith("overdue") ? style.red(timeLeft) : timeLeft) + ")"));
        }
        if (t.awaiting() != null && !t.isDone()) {
            times.add("Awaiting: " + t.awaiting().wire());
        }
        out.println(String.join(" · ", times));
        if (t.dialogUrl() != null) {
            out.println("Dialog: " + t.dialogUrl());
        }
        List<String> links = new ArrayList<>();
        if (!t.refs().isEmpty()) {
            links.add("Refs: " + t.refs().stream().map(r -> "#" + r).collect(Collectors.joining(", ")));
        }
        if (!t.labels().isEmpty()) {
            links.add("Labels: " + String.join(", ", t.labels()));
        }
        if (!links.isEmpty()) {
            out.println(String.join(" · ", links));
        }
    }

    public void message(Message raw, PrintStream out) {
        Message m = Shown.inert(raw);
        boolean team = m.author() != null && m.author().role() != null && m.author().role().isTeam();
        String who = m.author() == null ? "?" : m.author().name();
        String when = formats.dateTime(m.createdAt());
        List<String> body = new ArrayList<>();
        int bubble = chat ? Math.max(20, width * 2 / 3) : Integer.MAX_VALUE;
        for (String paragraph : m.body().split("\n", -1)) {
            body.addAll(wrap(paragraph, bubble));
        }
        for (Attachment a : m.attachments()) {
            body.add("[file " + a.id() + "] " + a.filename() + " (" + ByteSizes.human(a.size()) + ")");
        }
        if (!chat) {
            out.println(style.bold(who) + " (" + (team ? "team" : "customer") + ") · " + when);
            body.forEach(out::println);
        } else if (team) {
            out.println(style.cyan(style.bold(who)) + style.dim(" · team · " + when));
            body.forEach(line -> out.println("  " + line));
        } else {
            String head = when + " · " + who;
            int block = Math.max(Table.width(head), body.stream().mapToInt(Table::width).max().orElse(0));
            String indent = " ".repeat(Math.max(0, width - block));
            out.println(" ".repeat(Math.max(0, width - Table.width(head))) + style.dim(when + " · ")
                    + style.bold(who));
            body.forEach(line -> out.println((indent + line).stripTrailing()));
        }
    }

    /** Breaks a paragraph into lines of at most {@code max} terminal columns, at spaces where possible. */
    public static List<String> wrap(String paragraph, int max) {
        List<String> lines = new ArrayList<>();
        String rest = paragraph.stripTrailing();
        while (Table.width(rest) > max && rest.codePointCount(0, rest.length()) > 1) {
            int cut = Math.max(Table.prefix(rest, max), rest.offsetByCodePoints(0, 1));
            int space = rest.lastIndexOf(' ', cut);
            int end = space > 0 ? space : cut;
            lines.add(rest.substring(0, end).stripTrailing());
            rest = rest.substring(end).stripLeading();
        }
        lines.add(rest);
        return lines;
    }
}
