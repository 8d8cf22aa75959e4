package dev.ticket.tui;

import static org.junit.jupiter.api.Assertions.*;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.ticket.client.ClientConfig;
import dev.ticket.client.HttpTicketClient;
import dev.ticket.client.TicketClient;
import dev.ticket.model.Message;
import dev.ticket.model.NewMessage;
import dev.ticket.model.NewTicket;
import dev.ticket.model.Role;
import dev.ticket.model.Ticket;
import dev.ticket.model.TicketType;
import dev.ticket.model.User;
import dev.ticket.testing.ApiClient;
import dev.ticket.testing.TestService;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole chat view on Lanterna's virtual terminal against a real service: keys in, cells out. */
class TuiSmokeTest {
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @TempDir
    Path workDir;

    private TestService service;
    private DefaultVirtualTerminal terminal;
    private Thread runner;
    private final AtomicReference<Throwable> crash = new AtomicReference<>();

    @BeforeEach
    void start() {
        service = TestService.start();
        terminal = new DefaultVirtualTerminal(new TerminalSize(120, 40));
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (runner != null && runner.isAlive()) {
            terminal.addInput(new KeyStroke('c', true, false));
            runner.join(5_000);
        }
        service.close();
    }

    @Test
    void a_customer_chats_live_with_the_team_and_sees_the_ticket_close() throws Exception {
        User alice = service.addUser("Алиса", Role.CUSTOMER, "acme");
        ApiClient aliceApi = new ApiClient(service.url(), alice.token());
        ApiClient bob = service.client("Bob", Role.AGENT, null);
        Ticket ticket = aliceApi.post("/tickets", new NewTicket("Не работает ссылка на бронирование",
                "Открывается пустая страница.", TicketType.QUESTION, null, null, List.of(), List.of(), null))
                .expect(201).as(Ticket.class);
        open(alice, ticket.id());

        awaitScreen("the ticket opens with its first message", s -> s.contains("#" + ticket.id()
                + " Не работает ссылка на бронирование") && s.contains("Открывается пустая страница.")
                && s.contains("● live"));

        type("Вот скриншот: 预订");
        awaitScreen("the text is in the input box", s -> s.contains("› Вот скриншот: 预订"));
        terminal.addInput(new KeyStroke(KeyType.Enter));
        await("the message reaches the service", () -> messages(aliceApi, ticket.id()).stream()
                .anyMatch(m -> m.body().equals("Вот скриншот: 预订")));
        awaitScreen("the sent message shows in the chat", s -> s.contains("│ Вот скриншот: 预订"));

        bob.post("/tickets/" + ticket.id() + "/messages", new NewMessage("Спасибо, смотрим.")).expect(201);
        awaitScreen("the team's answer appears without a key press", s -> s.contains("│ Спасибо, смотрим."));
        String teamLine = lineWith("Спасибо, смотрим.");
        String customerLine = lineWith("Вот скриншот");
        assertTrue(teamLine.indexOf('│', 45) < customerLine.indexOf('│', 45),
                "team on the left, customer on the right:\n" + teamLine + "\n" + customerLine);

        terminal.setTerminalSize(new TerminalSize(80, 24));
        awaitScreen("the screen re-lays at 80x24", s -> s.lines().findFirst().orElse("").strip().endsWith("? help")
                && s.contains("│ Спасибо, смотрим."));

        bob.post("/tickets/" + ticket.id() + "/close", null).expect(200);
        awaitScreen("the input box explains the ticket is closed", s -> s.contains("#" + ticket.id()
                + " is Done: a closed ticket"));

        terminal.addInput(new KeyStroke('q', false, false));
        runner.join(PATIENCE.toMillis());
        assertFalse(runner.isAlive(), "q quits");
        assertNull(crash.get());
    }

    @Test
    void opening_a_ticket_and_marking_it_read_clears_its_unread_counter_for_the_service_too() {
        User alice = service.addUser("Alice", Role.CUSTOMER, "acme");
        ApiClient aliceApi = new ApiClient(service.url(), alice.token());
        ApiClient bob = service.client("Bob", Role.AGENT, null);
        Ticket older = aliceApi.post("/tickets", new NewTicket("Older question", "one", null, null, null,
                List.of(), List.of(), null)).expect(201).as(Ticket.class);
        bob.post("/tickets/" + older.id() + "/messages", new NewMessage("Answer 1")).expect(201);
        bob.post("/tickets/" + older.id() + "/messages", new NewMessage("Answer 2")).expect(201);
        aliceApi.post("/tickets", new NewTicket("Newer question", "two", null, null, null,
                List.of(), List.of(), null)).expect(201);
        open(alice, null);

        awaitScreen("the list shows the red counter of two unread answers on the second ticket",
                s -> s.contains("#" + older.id() + " Older question") && lineWith("Older question").contains(" 2 │"));
        terminal.addInput(new KeyStroke(KeyType.ArrowDown));
        awaitScreen("the chat of the selected ticket", s -> s.contains("│ Answer 2"));
        awaitScreen("its counter is gone", s -> !lineWith("Older question").contains(" 2 │"));
        await("the service counts the ticket as read", () -> aliceApi.get("/tickets/" + older.id()).expect(200)
                .as(Ticket.class).unread() == 0);
    }

    @Test
    void a_file_is_attached_with_tab_completion_and_downloaded_back_intact() throws Exception {
        User alice = service.addUser("Alice", Role.CUSTOMER, "acme");
        ApiClient aliceApi = new ApiClient(service.url(), alice.token());
        Ticket ticket = aliceApi.post("/tickets", new NewTicket("Screenshot", "See the file.", null, null, null,
                List.of(), List.of(), null)).expect(201).as(Ticket.class);
        byte[] bytes = new byte[100 * 1024];
        new java.util.Random(5).nextBytes(bytes);
        Path file = workDir.resolve("скриншот-ошибки.png");
        Files.write(file, bytes);
        open(alice, ticket.id());
        awaitScreen("the ticket is open", s -> s.contains("│ See the file."));

        type("вот файл");
        terminal.addInput(new KeyStroke(KeyType.Escape));
        type("a");
        awaitScreen("the attach prompt", s -> s.contains("Attach a file to #" + ticket.id()));
        type("скр");
        awaitScreen("the typed start of the name", s -> s.contains("File: скр "));
        terminal.addInput(new KeyStroke(KeyType.Tab));
        awaitScreen("Tab completes the name", s -> s.contains("File: скриншот-ошибки.png"));
        terminal.addInput(new KeyStroke(KeyType.Enter));
        awaitScreen("the file shows in the chat with its size",
                s -> s.contains("│ вот файл") && s.contains("• скриншот-ошибки.png (100 KiB)"));

        type("d");
        awaitScreen("an existing file is never overwritten", s -> s.contains("already exists; it was not overwritten"));
        Files.delete(file);
        type("d");
        await("the download lands intact", () -> Files.exists(file) && java.util.Arrays.equals(bytes, read(file)));
        awaitScreen("and says where", s -> s.contains("Saved скриншот-ошибки.png (100 KiB) to " + file));
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            return new byte[0];
        }
    }

    private void open(User user, Long ticketId) {
        TicketClient client = new HttpTicketClient(ClientConfig.of(URI.create(service.url()), user.token()));
        TuiRunner tui = new TuiRunner(terminal, new ClientBackend(client), Clock.systemUTC(), workDir, workDir);
        runner = new Thread(() -> {
            try {
                tui.run(ticketId);
            } catch (Throwable t) {
                crash.set(t);
            } finally {
                client.close();
            }
        }, "tui-under-test");
        runner.start();
    }

    private void type(String text) {
        text.chars().forEach(c -> terminal.addInput(new KeyStroke((char) c, false, false)));
    }

    private static List<Message> messages(ApiClient api, long id) {
        return api.get("/tickets/" + id).expect(200).as(Ticket.class).messages();
    }

    /** What the virtual terminal shows, one line per row; a wide character is one string in two cells. */
    private String screen() {
        TerminalSize size = terminal.getTerminalSize();
        StringBuilder out = new StringBuilder();
        for (int y = 0; y < size.getRows(); y++) {
            for (int x = 0; x < size.getColumns(); x++) {
                TextCharacter c = terminal.getCharacter(x, y);
                out.append(c.getCharacterString());
                if (c.isDoubleWidth()) {
                    x++;
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    private String lineWith(String text) {
        return screen().lines().filter(l -> l.contains(text)).findFirst().orElse("");
    }

    private void awaitScreen(String what, java.util.function.Predicate<String> condition) {
        await(what, () -> condition.test(screen()));
    }

    private void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (crash.get() != null) {
                fail("the view crashed while waiting for: " + what, crash.get());
            }
            if (System.nanoTime() > deadline) {
                fail("not within " + PATIENCE.toSeconds() + " s: " + what + "\n" + screen());
            }
            LockSupport.parkNanos(20_000_000);
        }
    }
}
