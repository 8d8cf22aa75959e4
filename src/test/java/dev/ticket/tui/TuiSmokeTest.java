package dev.ticket.tui;

import static org.junit.jupiter.api.Assertions.*;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
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
    private HeadlessTerminal terminal;
    private Thread runner;
    private final AtomicReference<Throwable> crash = new AtomicReference<>();

    @BeforeEach
    void start() {
        service = TestService.start();
        terminal = new HeadlessTerminal(new TerminalSize(120, 40));
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
        Ticket older = ticket(aliceApi, "Older question", "one");
        bob.post("/tickets/" + older.id() + "/messages", new NewMessage("Answer 1")).expect(201);
        bob.post("/tickets/" + older.id() + "/messages", new NewMessage("Answer 2")).expect(201);
        ticket(aliceApi, "Newer question", "two");
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
        Ticket ticket = ticket(aliceApi, "Screenshot", "See the file.");
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

    @Test
    void emoji_and_cjk_fill_two_cells_each_and_nothing_around_them_moves() {
        User alice = service.addUser("Alice", Role.CUSTOMER, "acme");
        ApiClient aliceApi = new ApiClient(service.url(), alice.token());
        String body = "Готово 👍🏽 👩‍💻 🇷🇺 ❤️ 😀 预订 end";
        Ticket ticket = ticket(aliceApi, "Бронь 😀 预订", body);
        open(alice, ticket.id());
        awaitScreen("the chat shows the message", s -> s.contains(" end") && s.contains("Бронь"));

        String screen = screen();
        // each emoji sequence is drawn as its first emoji; nothing becomes '?' or U+FFFD
        assertTrue(screen.contains("│ Готово 👍 👩 🇷 ❤️ 😀 预订 end"), screen);
        assertTrue(screen.contains("#" + ticket.id() + " Бронь 😀 预订"), screen);
        assertFalse(lineWith("Готово").contains("?") || screen.contains("\uFFFD"), screen);
        int y = rowWith("Готово");
        int x = columnOf(y, "😀");
        assertTrue(terminal.getCharacter(x, y).isDoubleWidth(), "😀 is one character two columns wide");
        // the divider between the panes stays in one column on every row, wide characters or not
        int divider = columnOf(y, "│");
        for (int row = 2; row < terminal.getTerminalSize().getRows() - 1; row++) {
            assertEquals("│", terminal.getCharacter(divider, row).getCharacterString(), "row " + row + "\n" + screen);
        }
    }

    @Test
    void quitting_with_an_unsent_draft_asks_first_and_n_keeps_the_draft() throws Exception {
        User alice = service.addUser("Alice", Role.CUSTOMER, "acme");
        ApiClient aliceApi = new ApiClient(service.url(), alice.token());
        Ticket ticket = ticket(aliceApi, "Draft", "first");
        open(alice, ticket.id());
        awaitScreen("the ticket is open", s -> s.contains("│ first"));
        type("half a thought");
        terminal.addInput(new KeyStroke(KeyType.Escape));
        awaitScreen("the focus left the input box", s -> s.contains("q quit"));
        type("q");
        awaitScreen("q asks first", s -> s.contains("You have a message that is not sent yet."));
        type("n");
        awaitScreen("n keeps the draft", s -> !s.contains("not sent yet") && s.contains("› half a thought"));
        assertTrue(runner.isAlive(), "the view is still running");
        terminal.addInput(new KeyStroke('c', true, false));
        awaitScreen("Ctrl+C asks too", s -> s.contains("You have a message that is not sent yet."));
        type("y");
        runner.join(PATIENCE.toMillis());
        assertFalse(runner.isAlive(), "y quits");
        assertTrue(messages(aliceApi, ticket.id()).stream().noneMatch(m -> m.body().contains("half")),
                "nothing was sent");
    }

    @Test
    void the_new_ticket_dialog_sends_type_about_and_dialog_url() {
        User alice = service.addUser("Alice", Role.CUSTOMER, "acme");
        ApiClient aliceApi = new ApiClient(service.url(), alice.token());
        open(alice, null);
        awaitScreen("the empty list", s -> s.contains("Press n to open"));
        type("n");
        awaitScreen("the form", s -> s.contains("New ticket") && s.contains("About:") && s.contains("Dialog:"));
        // each text is awaited before the next key: a key right after text in one burst is a paste (see Paste)
        type("Оплата не проходит 💳");
        awaitScreen("the title", s -> s.contains("Title:   Оплата не проходит 💳"));
        terminal.addInput(new KeyStroke(KeyType.Enter));
        type("c");
        awaitScreen("critical is chosen", s -> s.contains("[critical]"));
        terminal.addInput(new KeyStroke(KeyType.Enter));
        type("Карта отклонена");
        awaitScreen("the message", s -> s.contains("│ Карта отклонена"));
        terminal.addInput(new KeyStroke(KeyType.Tab));
        awaitScreen("the about field offers the service's topics", s -> s.contains("Topics (Tab completes): ")
                && s.contains("Finance"));
        type("fin");
        awaitScreen("the start of a topic", s -> s.contains("About:   fin"));
        terminal.addInput(new KeyStroke(KeyType.Tab));
        awaitScreen("Tab completes the topic", s -> s.contains("About:   Finance"));
        terminal.addInput(new KeyStroke(KeyType.Tab));
        type("ftp://x");
        awaitScreen("the link", s -> s.contains("Dialog:  ftp://x"));
        terminal.addInput(new KeyStroke(KeyType.Enter));
        awaitScreen("a link that is not http(s) is refused", s -> s.contains("must start with http://"));
        "ftp://x".chars().forEach(c -> terminal.addInput(new KeyStroke(KeyType.Backspace)));
        type("https://app.example.com/chats/8842");
        awaitScreen("the link", s -> s.contains("Dialog:  https://app.example.com/chats/8842"));
        terminal.addInput(new KeyStroke(KeyType.Enter));
        awaitScreen("the ticket opens", s -> !s.contains("New ticket") && s.contains("Reply to #")
                && s.contains("Оплата не проходит"));

        com.fasterxml.jackson.databind.JsonNode listed = aliceApi.get("/tickets").expect(200).json().get("items");
        assertEquals(1, listed.size(), listed.toString());
        Ticket created = aliceApi.get("/tickets/" + listed.get(0).get("id").asLong()).expect(200).as(Ticket.class);
        assertEquals("Оплата не проходит 💳", created.title());
        assertEquals(TicketType.CRITICAL, created.type());
        assertEquals("Finance", created.about());
        assertEquals("https://app.example.com/chats/8842", created.dialogUrl());
        awaitScreen("the chat header shows the about", s -> s.contains("critical") && s.contains("about Finance"));
    }

    @Test
    void an_assignment_on_the_stream_shows_the_assignee_without_a_key_press() {
        User alice = service.addUser("Alice", Role.CUSTOMER, "acme");
        User bob = service.addUser("Bob", Role.AGENT, null);
        User carol = service.addUser("Carol", Role.AGENT, null);
        Ticket ticket = ticket(new ApiClient(service.url(), alice.token()), "Who takes it", "Anyone?");
        open(bob, ticket.id());
        awaitScreen("the agent sees the ticket nobody has", s -> s.contains("│ Anyone?") && s.contains("unassigned"));

        new ApiClient(service.url(), carol.token()).raw("PUT", "/tickets/" + ticket.id() + "/assignee",
                "application/json", ("{\"user_id\": " + bob.id() + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.util.Map.of()).expect(200);
        awaitScreen("the header and the list row name the assignee", s -> s.contains("assigned to Bob")
                && s.contains("→ Bob") && s.contains("#" + ticket.id() + " is assigned to you."));
    }

    private int rowWith(String text) {
        List<String> lines = screen().lines().toList();
        for (int y = 0; y < lines.size(); y++) {
            if (lines.get(y).contains(text)) {
                return y;
            }
        }
        return fail("no row with " + text + "\n" + screen());
    }

    /** The terminal column (not string index) where {@code text}'s first character sits on row {@code y}. */
    private int columnOf(int y, String text) {
        for (int x = 0; x < terminal.getTerminalSize().getColumns(); x++) {
            if (terminal.getCharacter(x, y).getCharacterString().equals(text)) {
                return x;
            }
        }
        return fail("no " + text + " on row " + y + "\n" + screen());
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

    /** A question {@code who} opens through the API. */
    private static Ticket ticket(ApiClient who, String title, String body) {
        return who.post("/tickets", new NewTicket(title, body, null, null, null, List.of(), List.of(), null)).expect(201)
                .as(Ticket.class);
    }

    private static List<Message> messages(ApiClient api, long id) {
        return api.get("/tickets/" + id).expect(200).as(Ticket.class).messages();
    }

    /** What the virtual terminal shows, one line per row; a wide character is one string in two cells. */
    private String screen() {
        return terminal.screen();
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
