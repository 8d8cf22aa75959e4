package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticket.cli.command.ListCommand;
import dev.ticket.cli.output.Table;
import dev.ticket.model.Json;
import dev.ticket.model.Role;
import dev.ticket.testing.TestService;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ListCommandTest {
    @RegisterExtension
    static final TestService service = TestService.perClass();
    final CliHarness olga = CliHarness.customer(service);
    final CliHarness agent = CliHarness.agent(service);
    static String booking;
    static String invoice;
    static String closed;

    @BeforeAll
    static void start() {
        CliHarness olga = CliHarness.customer(service);
        booking = olga.open("Не работает ссылка на бронирование", "Консьерж");
        invoice = olga.open("Invoice twice", "charged twice", "--type", "critical");
        closed = olga.open("Old question", "how?");
        olga.ok("close", closed);
        CliHarness.as(service, "Nina", Role.CUSTOMER, "globex").ok("new", "-t", "Other account", "-m", "x");
    }

    @Test
    void a_customer_sees_an_aligned_table_of_their_accounts_tickets_newest_first() {
        String out = olga.ok("list");
        List<String> lines = out.lines().toList();
        // the open ones await the team: a DUE column says how long until each is due
        assertTrue(lines.get(0).matches("\\s*ID  STATUS       UNREAD  TYPE      TITLE\\s+DUE\\s+LAST ACTIVITY"), out);
        assertTrue(lines.get(1).matches("\\s*#" + closed + "  Done\\s+0  question  Old question\\s+just now"), out);
        assertTrue(lines.get(2).matches("\\s*#" + invoice + "  On Customer\\s+0  critical  Invoice twice\\s+"
                + "due in 3 h 5[0-9] min\\s+just now"), out);
        assertTrue(lines.get(3).contains("Не работает ссылка на бронирование"), out);
        assertEquals(4, lines.size(), out);
        assertFalse(out.contains("\u001b["), "no colour without a terminal");
        int column = lines.get(0).indexOf("TITLE");
        lines.stream().skip(1).forEach(line -> assertEquals(' ', line.charAt(column - 1), out));
    }

    @Test
    void columns_stay_aligned_after_cjk_and_emoji_titles() {
        CliHarness mei = CliHarness.as(service, "Mei", Role.CUSTOMER, "wide");
        mei.ok("new", "-t", "预订链接无法打开", "-m", "链接是空白的");
        mei.ok("new", "-t", "Deploy 🚀 failed 🎉", "-m", "emoji");
        mei.ok("new", "-t", "Plain title", "-m", "plain");
        String out = mei.tty(true).env("NO_COLOR", "1").columns(200).ok("list");
        List<String> lines = out.lines().toList();
        assertEquals(4, lines.size(), out);
        int when = Table.width(lines.get(0).substring(0, lines.get(0).indexOf("LAST ACTIVITY")));
        for (String line : lines.subList(1, lines.size())) {
            assertEquals(when, Table.width(line.substring(0, line.indexOf("just now"))), "terminal column of\n" + out);
        }
        String cut = mei.columns(64).ok("list");
        cut.lines().skip(1).forEach(line -> assertTrue(Table.width(line) <= 64, "fits 64 columns:\n" + cut));
        assertTrue(cut.contains("…"), cut);
    }

    @Test
    void a_wrong_status_names_the_values_as_the_option_spells_them() {
        CliHarness.Result r = olga.run("list", "-s", "open");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("ticket: --status: 'open' is not one of all, "
                + "on-customer, done\n"), r.err());
        assertEquals(invoice + "\n", olga.ok("list", "-s", "ON_CUSTOMER", "--type", "CRITICAL", "-q"),
                "wire names and any case still work");
    }

    @Test
    void agents_see_every_account_with_an_account_column() {
        String out = agent.ok("list");
        assertTrue(out.lines().findFirst().orElseThrow().contains("ACCOUNT"), out);
        assertTrue(out.contains("globex") && out.contains("acme"), out);
    }

    @Test
    void agents_queue_is_the_tickets_awaiting_the_team() {
        String queue = agent.ok("list", "--awaiting", "team", "-s", "on-customer", "-q");
        assertTrue(queue.contains(booking + "\n") && queue.contains(invoice + "\n"), queue);
        assertFalse(queue.contains(closed + "\n"), queue);
    }

    @Test
    void search_finds_cyrillic_titles_case_insensitively_and_combines_with_status() {
        assertEquals(booking + "\n", olga.ok("list", "-S", "БРОНИРОВАНИЕ", "-q"));
        assertEquals("", olga.ok("list", "-S", "бронирование", "-s", "done", "-q"));
        assertEquals(closed + "\n", olga.ok("list", "-s", "done", "-q"));
    }

    @Test
    void json_is_an_array_of_the_apis_tickets_and_nothing_else() throws Exception {
        JsonNode array = Json.mapper().readTree(olga.ok("list", "--json"));
        assertTrue(array.isArray());
        assertEquals(3, array.size());
        assertEquals(Long.parseLong(closed), array.get(0).get("id").asLong());
        assertEquals("done", array.get(0).get("status").asText());
    }

    @Test
    void a_limit_that_cuts_the_list_says_how_many_match_on_standard_error() throws Exception {
        CliHarness.Result r = olga.run("list", "-L", "2");
        assertEquals(0, r.exit());
        assertEquals(3, r.out().lines().count(), "a header and two rows: " + r.out());
        assertEquals("showing 2 of 3 (raise -L, or -L 0 for all)\n", r.err());
        CliHarness.Result quiet = olga.run("list", "-L", "2", "-q");
        assertEquals(2, quiet.out().lines().count(), quiet.out());
        assertEquals("", quiet.err(), "-q: the ids and nothing else");
        CliHarness.Result all = olga.run("list", "-L", "3");
        assertEquals("", all.err());
        CliHarness.Result filtered = olga.run("list", "-s", "on-customer", "-L", "1", "--json");
        assertEquals(1, Json.mapper().readTree(filtered.out()).size(), filtered.out());
        assertEquals("showing 1 of 2 (raise -L, or -L 0 for all)\n", filtered.err(), "counted with the same filters");
        CliHarness.Result agents = agent.run("list", "-S", "invoice", "-L", "1", "-q");
        assertEquals("", agents.err(), agents.toString());
    }

    @Test
    void the_cut_note_falls_back_when_the_service_cannot_count() {
        assertEquals("showing 30 of 31 (raise -L, or -L 0 for all)", ListCommand.cutNote(30, 31L));
        assertEquals("showing first 30; more exist (raise -L, or -L 0 for all)", ListCommand.cutNote(30, null));
        assertEquals("showing first 30; more exist (raise -L, or -L 0 for all)", ListCommand.cutNote(30, 30L));
    }

    @Test
    void listing_follows_the_cursor_across_pages_and_knows_when_more_exist() {
        dev.ticket.client.TicketClient client = new dev.ticket.client.HttpTicketClient(
                dev.ticket.client.ClientConfig.of(java.net.URI.create(service.url()), agent.token()));
        ListCommand.Listing all = ListCommand.fetch(client, dev.ticket.client.TicketQuery.ALL, 100, 1);
        ListCommand.Listing two = ListCommand.fetch(client, dev.ticket.client.TicketQuery.ALL, 2, 1);
        assertTrue(all.tickets().size() >= 4 && !all.more(), all.toString());
        assertEquals(all.tickets().subList(0, 2), two.tickets());
        assertTrue(two.more());
        assertEquals((long) all.tickets().size(), two.total(), "the count came with the first page");
        assertEquals(null, ListCommand.fetch(client, dev.ticket.client.TicketQuery.ALL, Integer.MAX_VALUE, 1).total(),
                "no limit, nothing to count");
    }

    @Test
    void the_type_filter_and_an_empty_result_read_well() {
        assertEquals(invoice + "\n", olga.ok("list", "--type", "critical", "-q"));
        assertEquals("No tickets match.\n", olga.ok("list", "--type", "suggestion"));
    }

    @Test
    void on_a_terminal_unread_counts_are_red_unless_no_color() {
        CliHarness bob = CliHarness.as(service, "Bob", Role.CUSTOMER, "initech");
        String id = bob.open("Colours", "?");
        agent.ok("reply", id, "-m", "Which dialog?");
        String coloured = bob.tty(true).ok("list");
        String plain = bob.env("NO_COLOR", "1").ok("list");
        assertTrue(coloured.contains("\u001b[31m"), coloured);
        assertFalse(plain.contains("\u001b["), plain);
        assertTrue(plain.lines().skip(1).findFirst().orElseThrow().matches("\\s*#\\d+  On Customer\\s+1  .*"), plain);
    }
}
