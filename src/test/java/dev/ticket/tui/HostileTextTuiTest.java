package dev.ticket.tui;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import dev.ticket.client.ClientConfig;
import dev.ticket.client.HttpTicketClient;
import dev.ticket.client.TicketClient;
import dev.ticket.testing.HostileService;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC 7.2 in the chat view: a hostile service's text reaches the virtual terminal's cells in caret notation. */
class HostileTextTuiTest {
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @TempDir
    Path workDir;

    @Test
    void the_list_and_the_chat_show_control_and_bidi_characters_inert() throws Exception {
        HeadlessTerminal terminal = new HeadlessTerminal(new TerminalSize(160, 40));
        AtomicReference<Throwable> crash = new AtomicReference<>();
        try (HostileService hostile = HostileService.start();
             TicketClient client = new HttpTicketClient(ClientConfig.of(URI.create(hostile.url()), "t"))) {
            TuiRunner tui = new TuiRunner(terminal, new ClientBackend(client), Clock.systemUTC(), workDir, workDir);
            Thread runner = new Thread(() -> {
                try {
                    tui.run(1L);
                } catch (Throwable t) {
                    crash.set(t);
                }
            }, "tui-under-test");
            runner.start();
            try {
                awaitScreen(terminal, crash, "the ticket's title and message in caret notation",
                        s -> s.contains("Title A^[[2J^[]0;pwned^GB^[31mC<U+202E>D^EE") && s.contains("body A^[[2J"));
                String screen = terminal.screen();
                for (char c : screen.toCharArray()) {
                    boolean control = c != '\n' && (c < 0x20 || (c >= 0x7f && c < 0xa0));
                    assertTrue(!control && (c < 0x202A || c > 0x202E), String.format("U+%04X on screen:%n%s",
                            (int) c, screen));
                }
            } finally {
                terminal.addInput(new KeyStroke('c', true, false));
                runner.join(5_000);
            }
        }
    }

    private static void awaitScreen(HeadlessTerminal terminal, AtomicReference<Throwable> crash, String what,
                                    Predicate<String> condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.test(terminal.screen())) {
            if (crash.get() != null) {
                fail("the view crashed while waiting for: " + what, crash.get());
            }
            if (System.nanoTime() > deadline) {
                fail("not within " + PATIENCE.toSeconds() + " s: " + what + "\n" + terminal.screen());
            }
            LockSupport.parkNanos(20_000_000);
        }
    }
}
