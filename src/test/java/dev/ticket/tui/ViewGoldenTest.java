package dev.ticket.tui;

import static dev.ticket.tui.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticket.model.Awaiting;
import dev.ticket.model.Status;
import dev.ticket.model.Ticket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whole screens compared with src/test/resources/golden/tui-NAME-COLSxROWS.txt.
 * After an intended change, regenerate with {@code mvn test -Dtest=ViewGoldenTest -Dgolden.update=true}
 * and review the diff.
 */
class ViewGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    record Screen(String name, int cols, int rows, BiFunction<Integer, Integer, TuiModel> model) {
        @Override
        public String toString() {
            return name + " " + cols + "x" + rows;
        }
    }

    static Stream<Screen> screens() {
        List<Screen> all = new ArrayList<>();
        for (int[] size : new int[][] {{80, 24}, {120, 40}}) {
            all.add(new Screen("customer-chat", size[0], size[1], Fixtures::customerModel));
            all.add(new Screen("agent-queue", size[0], size[1], ViewGoldenTest::agentQueue));
            all.add(new Screen("done-ticket", size[0], size[1], ViewGoldenTest::doneTicket));
            all.add(new Screen("help", size[0], size[1], (c, r) -> customerModel(c, r).withDialog(new Overlay.Help())));
            all.add(new Screen("new-ticket-form", size[0], size[1], ViewGoldenTest::newTicketForm));
            all.add(new Screen("offline", size[0], size[1], ViewGoldenTest::offline));
            all.add(new Screen("first-run", size[0], size[1], ViewGoldenTest::firstRun));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("screens")
    void screen_matches_its_golden_file(Screen screen) throws IOException {
        String actual = View.render(screen.model().apply(screen.cols(), screen.rows())).toText();
        Path file = GOLDEN.resolve("tui-" + screen.name() + "-" + screen.cols() + "x" + screen.rows() + ".txt");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertGoldenExists(file, actual);
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual,
                "screen differs from " + file + " (rerun with -Dgolden.update=true if intended)");
    }

    @org.junit.jupiter.api.Test
    void a_screen_without_its_golden_file_fails_and_is_written_under_target_instead() throws IOException {
        Path missing = GOLDEN.resolve("tui-no-such-screen-1x1.txt");
        org.junit.jupiter.api.Assertions.assertThrows(org.opentest4j.AssertionFailedError.class,
                () -> assertGoldenExists(missing, "a screen\n"));
        org.junit.jupiter.api.Assertions.assertFalse(Files.exists(missing), "nothing written to src/");
        assertEquals("a screen\n", Files.readString(Path.of("target", "golden-new", "tui-no-such-screen-1x1.txt")));
    }

    /**
     * A screen without its golden file fails (a test that writes what it then compares with cannot fail): the
     * screen is written under target/golden-new/ for the developer to look at and move into place.
     */
    static void assertGoldenExists(Path file, String actual) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        Path proposed = Path.of("target", "golden-new").resolve(file.getFileName());
        Files.createDirectories(proposed.getParent());
        Files.writeString(proposed, actual, StandardCharsets.UTF_8);
        org.junit.jupiter.api.Assertions.fail("no golden file " + file + "; this screen is in " + proposed
                + ": check it and move it there (or rerun with -Dgolden.update=true)");
    }

    static TuiModel agentQueue(int cols, int rows) {
        List<Ticket> tickets = List.of(
                ticket(21, "Billing export fails on the 1st of the month", Status.ON_CUSTOMER, Awaiting.CUSTOMER,
                        0, "globex", ago(Duration.ofMinutes(5))),
                ticket(12, "Не работает ссылка на бронирование", Status.ON_CUSTOMER, Awaiting.TEAM, 2, "acme",
                        ago(Duration.ofMinutes(20))),
                ticket(9, "预订链接打不开 (booking link broken)", Status.ON_CUSTOMER, Awaiting.TEAM, 1, "例子公司",
                        ago(Duration.ofDays(3))),
                ticket(7, "Списание средств дважды", Status.DONE, Awaiting.CUSTOMER, 0, "acme",
                        ago(Duration.ofDays(40))));
        TuiModel m = TuiModel.initial(cols, rows, NOW, ZoneOffset.UTC).withSession(Session.START.withMe(BOB));
        return m.withList(m.list().withTickets(tickets).withSelected(12L))
                .withChat(new Chat(chatOf12(), 0, 0, false)).withFocus(Focus.CHAT);
    }

    static TuiModel doneTicket(int cols, int rows) {
        TuiModel m = customerModel(cols, rows);
        Ticket done = customerTickets().get(3).withMessages(List.of(
                message(70, 7, ALICE_AUTHOR, "С карты списали два раза за один месяц.", ago(Duration.ofDays(130))),
                message(71, 7, BOB_AUTHOR, "Refunded the second charge. Closing the ticket.",
                        ago(Duration.ofDays(124)))));
        return m.withList(m.list().withSelected(7L)).withChat(new Chat(done, 0, -1, false))
                .withInput(EditBuffer.EMPTY);
    }

    static TuiModel newTicketForm(int cols, int rows) {
        Overlay.NewTicketForm form = Overlay.NewTicketForm.blank(7L)
                .withTitle(EditBuffer.of("Снова два списания"))
                .withBody(EditBuffer.of("В мае опять списали дважды.\nСм. #7."))
                .withField(2);
        return doneTicket(cols, rows).withDialog(form);
    }

    static TuiModel offline(int cols, int rows) {
        TuiModel m = customerModel(cols, rows);
        return m.withSession(m.session().withOnline(false)).withFocus(Focus.LIST)
                .withNotice(Notice.error("Lost the connection to the service (connection refused). Reconnecting…"));
    }

    static TuiModel firstRun(int cols, int rows) {
        TuiModel m = TuiModel.initial(cols, rows, NOW, ZoneOffset.UTC).withSession(Session.START.withMe(ALICE));
        return m.withList(m.list().withTickets(List.of()));
    }
}
