package dev.ticket.cli.command;

import dev.ticket.cli.Io;
import dev.ticket.cli.UsageException;
import dev.ticket.model.MessageText;
import dev.ticket.model.TerminalText;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Gets a message's text from -m, -F FILE, -F - (stdin), or the editor on a template, cleaned as it will be sent
 * ({@link TerminalText#clean}: a coloured CI log is text, not an error), so what is empty then is refused here.
 */
public final class Composer {
    private final Io io;

    Composer(Io io) {
        this.io = io;
    }

    /** The text the options give, or null when they give none (so the caller may ask). */
    String fromOptions(MessageOptions options, String template, Prompter prompter) {
        if (options == null || !options.given()) {
            return null;
        }
        if (options.text != null) {
            return nonEmpty(MessageText.trim(TerminalText.clean(options.text)));
        }
        if (options.file != null) {
            return nonEmpty(MessageText.trim(TerminalText.clean(read(options.file))));
        }
        return fromEditor(template, prompter);
    }

    /** Opens $VISUAL or $EDITOR on the template (else asks for lines); comment lines are dropped; empty cancels. */
    String fromEditor(String template, Prompter prompter) {
        String editor = io.env("VISUAL") != null ? io.env("VISUAL") : io.env("EDITOR");
        String text;
        if (editor != null) {
            text = stripComments(TerminalText.clean(edit(editor, template)));
        } else if (prompter != null) {
            text = TerminalText.clean(prompter.lines(
                    "Write the message; end it with a line holding only '.' (no $EDITOR is set)."));
        } else {
            throw new UsageException("-e needs $VISUAL or $EDITOR, or a terminal");
        }
        if (text.isBlank()) {
            throw new UsageException("cancelled: the message is empty, nothing was sent");
        }
        return MessageText.trim(text);
    }

    private String edit(String editor, String template) {
        Path file = null;
        try {
            file = Files.createTempFile("ticket-message-", ".md");
            Files.writeString(file, template);
            ProcessBuilder builder = new ProcessBuilder("sh", "-c", editor + " \"$1\"", "sh", file.toString());
            if (io.systemTerminal()) {
                builder.inheritIO();
            } else {
                builder.redirectInput(new File("/dev/null")).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD);
            }
            int status = builder.start().waitFor();
            if (status != 0) {
                throw new UsageException("the editor (" + editor + ") exited with status " + status
                        + "; nothing was sent");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot run the editor (" + editor + "): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageException("interrupted while editing; nothing was sent", e);
        } finally {
            deleteQuietly(file);
        }
    }

    /** Drops comment lines: "#" alone or "# ..." ("#42" stays: it is a ticket reference). */
    public static String stripComments(String text) {
        List<String> kept = text.lines()
                .filter(line -> !(line.equals("#") || line.startsWith("# ")))
                .collect(Collectors.toList());
        return MessageText.trim(String.join("\n", kept));
    }

    private String read(String file) {
        try {
            if ("-".equals(file)) {
                // Strict as Files.readString is for -F FILE: bad bytes are refused, not turned into U+FFFD.
                return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(io.in().readAllBytes())).toString();
            }
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot read the message from " + ("-".equals(file) ? "standard input" : file)
                    + ": " + reason(e), e);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.charset.CharacterCodingException) {
            return "not UTF-8 text";
        }
        return e.getMessage();
    }

    private static String nonEmpty(String text) {
        if (text.isEmpty()) {
            throw new UsageException("the message is empty; nothing was sent");
        }
        return text;
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temp file is harmless
            }
        }
    }
}
