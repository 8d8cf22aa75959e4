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

    @Test
    void tab_completes_a_file_name_with_a_space_as_it_is_and_an_empty_line_or_end_of_input_is_no_more(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("screen shot.png"), "png");
        String keys = dir.resolve("scr") + "\t\n\n";
        Terminal terminal = TerminalBuilder.builder().system(false).type("xterm-256color")
                .streams(new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream())
                .build();
        try (Prompter prompter = new Prompter(terminal)) {
            assertEquals(dir.resolve("screen shot.png").toString(), prompter.askPath("Attach a file: "));
            assertEquals("", prompter.askPath("Attach another file: "));
            assertEquals("", prompter.askPath("Attach another file: "), "end of input ends the list");
        }
    }
}
