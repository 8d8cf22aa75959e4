package dev.ticket.cli.command;

import dev.ticket.cli.UsageException;
import dev.ticket.model.Limits;
import dev.ticket.model.TicketType;
import dev.ticket.model.Wire;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The questions {@code ticket new} asks on a terminal, and the template its editor opens on. */
final class NewTicketForm {
    static final String TEMPLATE = String.join("\n",
            "",
            "# Write the first message of your ticket above. Lines starting with '# ' are dropped;",
            "# an empty message cancels and nothing is sent.",
            "#",
            "# Explain in detail what happened or what you need:",
            "#  - which AI employee or platform function it concerns (e.g. \"Concierge\");",
            "#  - what you did, and what went wrong;",
            "#  - steps to reproduce, if the error is complex: step by step, so the team can",
            "#    repeat the scenario and see in the dialog how it behaves;",
            "#  - a link to the dialog: open Chats, find the dialog, copy the URL from the address bar.",
            "# A screenshot of the error helps the team most. One question, one ticket.",
            "#",
            "# Example: The \"Concierge\" employee in Telegram sends customers a booking link, but",
            "# it opens a blank page. It started yesterday. Dialog: https://app.example.com/chats/...",
            "# To reproduce: write to the bot \"book a room for March 20\"; the answer has the broken link.",
            "");

    private final Prompter prompter;
    private final Supplier<List<String>> topics;

    NewTicketForm(Prompter prompter, Supplier<List<String>> topics) {
        this.prompter = prompter;
        this.topics = topics;
    }

    String title() {
        for (int tries = 0; tries < 3; tries++) {
            String title = prompter.ask("Title: ", List.of(), null);
            if (!title.isBlank()) {
                return title;
            }
            prompter.say("A ticket needs a title: a short summary of the problem.");
        }
        throw new UsageException("cancelled: no title given, nothing was sent");
    }

    TicketType type() {
        List<String> choices = List.of("critical", "question", "suggestion");
        while (true) {
            String answer = prompter.ask("Type [question] (critical, question, suggestion; Tab completes): ",
                    choices, null);
            try {
                return answer.isBlank() ? TicketType.QUESTION : Wire.parse(TicketType.class, answer);
            } catch (IllegalArgumentException e) {
                prompter.say(e.getMessage());
            }
        }
    }

    String about() {
        List<String> offered = topics.get();
        String hint = offered.isEmpty() ? "" : " (Tab for topics: " + String.join(", ", offered) + ")";
        return prompter.ask("About, optional" + hint + ": ", offered, null);
    }

    String dialog() {
        while (true) {
            String url = prompter.ask("Dialog URL, optional: ", List.of(), null);
            if (url.isBlank() || url.startsWith("http://") || url.startsWith("https://")) {
                return url;
            }
            prompter.say("The dialog link must start with http:// or https:// (or leave it empty).");
        }
    }

    /**
     * Asks for files to attach after {@code given} (from -a), one path a line (Tab completes file names), until an
     * empty line or the service's file limit; a missing, unreadable or too large file is said and asked again.
     */
    List<Path> attachments(List<Path> given, Supplier<Limits> limitsOf) {
        List<Path> files = new ArrayList<>(given);
        Limits limits = null;
        while (true) {
            String answer = prompter.askPath(files.isEmpty()
                    ? "Attach a file, optional (path, Tab completes; empty line when done): "
                    : "Attach another file (empty line when done): ");
            if (answer.isEmpty()) {
                return files;
            }
            Path file = readable(answer);
            if (file == null) {
                continue;
            }
            if (limits == null) {
                Limits published = limitsOf.get();
                limits = published != null ? published : new Limits(Long.MAX_VALUE, Integer.MAX_VALUE, 0);
            }
            try {
                FileSender.within(List.of(file), limits);
                files.add(file);
            } catch (UsageException e) {
                prompter.say(e.getMessage() + ". Try another, or an empty line to go on.");
            }
            if (files.size() >= limits.maxFilesPerMessage()) {
                prompter.say("That is the most files one message takes (" + limits.maxFilesPerMessage() + ").");
                return files;
            }
        }
    }

    /** The answer as a readable file, or null after saying why not. */
    private Path readable(String answer) {
        try {
            Path file = Path.of(answer.startsWith("~/") ? System.getProperty("user.home") + answer.substring(1)
                    : answer);
            if (Files.isRegularFile(file) && Files.isReadable(file)) {
                return file;
            }
            prompter.say((Files.exists(file) ? "Not a readable file: " : "No such file: ") + answer
                    + ". Try again, or an empty line to go on.");
        } catch (InvalidPathException e) {
            prompter.say("Not a file name: " + answer + ". Try again, or an empty line to go on.");
        }
        return null;
    }
}
