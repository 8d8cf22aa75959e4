package dev.ticket.cli.command;

import dev.ticket.cli.UsageException;
import picocli.CommandLine.Option;

/** Where a message comes from: {@code -m TEXT}, {@code -F FILE} ({@code -} for stdin) or {@code -e} (the editor). */
public class MessageOptions {
    @Option(names = {"-m", "--message"}, paramLabel = "TEXT", description = "The message text.")
    String text;

    @Option(names = {"-F", "--file"}, paramLabel = "FILE", description = "Read the message from FILE ('-' for standard input).")
    String file;

    @Option(names = {"-e", "--editor"}, description = "Write the message in $VISUAL or $EDITOR.")
    boolean editor;

    /** The option the message came from, or words when it was asked for. */
    static String messageFlag(MessageOptions message) {
        if (message != null && message.text != null) {
            return "--message";
        }
        if (message != null && message.file != null) {
            return "--file";
        }
        return message != null && message.editor ? "--editor" : "the message";
    }

    /** True when one of the three was given; a usage error when more than one was. */
    boolean given() {
        int count = (text != null ? 1 : 0) + (file != null ? 1 : 0) + (editor ? 1 : 0);
        if (count > 1) {
            throw new UsageException("give only one of -m, -F and -e");
        }
        return count == 1;
    }
}
