package dev.ticket.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;

/** The prompts of interactive {@code ticket new} on a terminal that completes with Tab (not a dumb one). */
class PrompterTest {
    private static final List<String> TOPICS = List.of("Account settings", "Finance", "AI employees", "Channels");

    private static String answer(String keys) throws Exception {
        Terminal terminal = TerminalBuilder.builder().system(false).type("xterm-256color")
                .streams(new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream())
                .build();
        try (Prompter prompter = new Prompter(terminal)) {
            return prompter.ask("About, optional: ", TOPICS, null);
        }
    }

    @Test
    void tab_completes_a_topic_with_a_space_as_shown_never_shell_escaped() throws Exception {
        assertEquals("AI employees", answer("AI\t\n"));
        assertEquals("AI employees", answer("AI e\t\n"), "the whole answer is one word");
        assertEquals("Account settings", answer("Acc\t\n"));
        assertEquals("Channels", answer("Ch\t\n"));
        assertEquals("Something else", answer("Something else\n"), "free text stays free");
    }
}
