package dev.ticket.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticket.model.Awaiting;
import dev.ticket.model.Event;
import dev.ticket.model.Message;
import dev.ticket.model.Role;
import dev.ticket.model.Status;
import dev.ticket.model.Ticket;
import dev.ticket.model.TicketPage;
import dev.ticket.service.Caller;
import dev.ticket.service.ListRequest;
import dev.ticket.service.ServiceException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What every store must do, with the same expected results on SQLite and PostgreSQL (the part
 * about several writers at once is in {@link ConcurrentWritesContract}).
 */
abstract class TicketStoreContract extends ConcurrentWritesContract implements AssignmentContract {

    @Override
    public StoreFixture fixture() {
        return f;
    }

    /**
     * The version the read caches check their entries against where other nodes write: another after every write,
     * and read once for a request until the request writes. (Whether it stays the same without writes is not
     * asserted: on PostgreSQL any commit of the server moves it, other databases' too.)
     */
    @Test
    void the_data_version_moves_with_every_write_and_is_read_once_a_request_until_it_writes() throws Exception {
        if (store.singleNode()) {
            assertNull(store.dataVersion(), "a single writer's caches hear of every write from itself");
            return;
        }
        String before = store.dataVersion();
        f.open("first");
        assertNotEquals(before, store.dataVersion());
        String[] seen = new String[4];
        store.oneVersion(() -> {
            seen[0] = store.dataVersion();
            seen[1] = store.dataVersion();
            f.open("second");
            seen[2] = store.dataVersion();
            seen[3] = store.dataVersion();
        });
        assertEquals(seen[0], seen[1], "read once for the request");
        assertNotEquals(seen[1], seen[2], "read again after the request's own write");
        assertEquals(seen[2], seen[3]);
    }

    @Test
    void ids_are_unique_and_grow() {
        long a = f.open("first").id();
        long b = f.open("second").id();
        assertTrue(b > a);
    }

    @Test
    void title_search_ignores_case_in_cyrillic_and_latin() {
        f.open("Ошибка оплаты");
        f.open("ОШИБКА в счёте");
        f.open("Payment FAILED twice");
        f.open("Консьерж молчит");
        assertEquals(List.of("ОШИБКА в счёте", "Ошибка оплаты"), f.search("ошибка"));
        assertEquals(List.of("ОШИБКА в счёте", "Ошибка оплаты"), f.search("оШиБкА"));
        assertEquals(List.of("ОШИБКА в счёте"), f.search("СЧЕТ"));
        assertEquals(List.of("Payment FAILED twice"), f.search("failed"));
        assertEquals(List.of(), f.search("нет такого"));
    }

    @Test
    void title_search_treats_like_operators_and_quotes_as_text() {
        f.open("100% broken");
        f.open("100 percent broken");
        f.open("a_b matters");
        f.open("axb matters");
        f.open("back\\slash");
        f.open("it's O'Reilly");
        assertEquals(List.of("100% broken"), f.search("100%"));
        assertEquals(List.of("a_b matters"), f.search("a_b"));
        assertEquals(List.of("back\\slash"), f.search("\\"));
        assertEquals(List.of("it's O'Reilly"), f.search("'s o'"));
        assertEquals(List.of(), f.search("%".repeat(3)));
    }

    @Test
    void title_search_finds_text_of_one_or_two_characters() {
        f.open("QZ code");
        f.open("a_b");
        f.open("Ёж в тумане");
        f.open("plain");
        assertEquals(List.of("QZ code"), f.search("qz"));
        assertEquals(List.of("a_b"), f.search("_"));
        assertEquals(List.of("Ёж в тумане"), f.search("еж"));
        assertEquals(List.of(), f.search("%"));
    }

    @Test
    void a_done_ticket_awaits_nobody_and_leaves_the_teams_queue() {
        Ticket waiting = f.open("Waiting for the team");
        Ticket done = f.open("Closed while waiting");
        assertEquals(Awaiting.TEAM, f.asAgent(done.id()).awaiting());
        Ticket closed = f.tickets.close(f.customer, done.id(), null);
        assertNull(closed.awaiting(), "close answers with awaiting null");
        assertNull(f.asAgent(done.id()).awaiting());
        assertNull(f.asCustomer(done.id()).awaiting());
        for (Caller who : List.of(f.agent, f.customer)) {
            List<Long> queue = f.tickets.list(who, new ListRequest(null, null, false, null, null, Awaiting.TEAM,
                    100, null)).items().stream().map(Ticket::id).toList();
            assertTrue(queue.contains(waiting.id()), "open ticket in the queue");
            assertFalse(queue.contains(done.id()), "Done ticket in the team's queue: " + queue);
            List<Ticket> all = f.tickets.list(who, new ListRequest(Status.DONE, null, false, null, null, null, 100,
                    null)).items();
            assertTrue(all.stream().filter(t -> t.id() == done.id()).allMatch(t -> t.awaiting() == null));
        }
    }

    @Test
    void title_search_folds_full_width_letters_and_reads_yo_as_ye_both_ways() {
        f.open("ＡＢＣ Ｔｅｓｔ");
        f.open("Ёлка горит");
        f.open("елка гаснет");
        f.open("ЁЖИК в тумане");
        assertEquals(List.of("ＡＢＣ Ｔｅｓｔ"), f.search("abc test"));
        assertEquals(List.of("ＡＢＣ Ｔｅｓｔ"), f.search("ＴＥＳＴ"));
        assertEquals(List.of("Ёлка горит", "елка гаснет"), f.search("ёлка"));
        assertEquals(List.of("Ёлка горит", "елка гаснет"), f.search("ЕЛК"));
        assertEquals(List.of("ЁЖИК в тумане"), f.search("ёж"));
        assertEquals(List.of("ЁЖИК в тумане"), f.search("Ж"));
        assertEquals(List.of("ЁЖИК в тумане"), f.search("жик в т"));
    }

    @Test
    void title_search_finds_pieces_inside_words_and_across_spaces() {
        f.open("Консьерж молчит");
        f.open("Payment failed");
        assertEquals(List.of("Консьерж молчит"), f.search("сьер"));
        assertEquals(List.of("Консьерж молчит"), f.search("ерж мол"));
        assertEquals(List.of("Payment failed"), f.search("NT FA"));
        assertEquals(List.of(), f.search("консьержмолчит"));
        assertEquals(List.of(), f.search("failed twice"));
    }

    @Test
    void search_combines_with_every_filter_and_never_crosses_accounts() {
        Caller stranger = f.caller("Eve", Role.CUSTOMER, "other-" + f.customer.account());
        f.tickets.open(stranger, new dev.ticket.model.NewTicket("Канал чужой", "body", null, null, null, null,
                List.of("vip"), null), List.of(), null);
        Ticket labelled = f.tickets.open(f.customer, new dev.ticket.model.NewTicket("Канал с меткой", "body",
                dev.ticket.model.TicketType.CRITICAL, null, null, null, List.of("vip"), null), List.of(), null)
                .ticket();
        Ticket answered = f.open("Канал с ответом");
        f.tickets.reply(f.agent, answered.id(), "answer", List.of(), null);
        Ticket done = f.open("Канал закрыт");
        f.tickets.close(f.customer, done.id(), null);

        assertEquals(List.of(answered.id(), labelled.id(), done.id()).stream().sorted().toList(),
                found(f.customer, request(null, "канал", false, null, null, null)));
        assertEquals(List.of(labelled.id()), found(f.customer, request(null, "канал", false, null, "vip", null)));
        assertEquals(List.of(labelled.id()), found(f.customer,
                request(null, "КАНАЛ", false, dev.ticket.model.TicketType.CRITICAL, null, null)));
        assertEquals(List.of(answered.id()), found(f.customer, request(null, "кан", true, null, null, null)));
        assertEquals(List.of(answered.id()), found(f.customer,
                request(null, "ка", false, null, null, dev.ticket.model.Awaiting.CUSTOMER)));
        assertEquals(List.of(labelled.id()), found(f.customer,
                request(Status.ON_CUSTOMER, "к", false, null, null, dev.ticket.model.Awaiting.TEAM)));
        assertEquals(List.of(done.id()), found(f.customer, request(Status.DONE, "канал", false, null, null, null)));
        // the agent sees the stranger's ticket as well; the customer never does, by any text
        assertEquals(2, found(f.agent, request(null, "канал", false, null, "vip", null)).size());
        assertEquals(List.of(), found(f.customer, request(null, "чужой", false, null, null, null)));
        assertEquals(List.of(), found(f.customer, request(null, "ч", false, null, null, null)));
    }

    private static ListRequest request(Status status, String search, boolean unread,
                                       dev.ticket.model.TicketType type, String label,
                                       dev.ticket.model.Awaiting awaiting) {
        return new ListRequest(status, search, unread, type, label, awaiting, 100, null);
    }

    private List<Long> found(Caller who, ListRequest request) {
        return f.tickets.list(who, request).items().stream().map(Ticket::id).sorted().toList();
    }

    /**
     * Random titles and search text over a small alphabet where folding matters (both cases, ё and е,
     * full-width letters, a ligature, LIKE operators): what the store finds is exactly the titles whose
     * folded text contains the folded search text, with the index plan and with the walk newest first.
     */
    @Test
    void title_search_finds_exactly_the_titles_that_contain_the_folded_text() {
        String[] pieces = {"а", "А", "ё", "Ё", "е", "ж", "Ж", "b", "B", "Ｂ", "ﬁ", "fi", " ", "%", "_", "ab", "ёж"};
        Random random = new Random(20261206);
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String title = text(random, pieces, 1 + random.nextInt(8));
            titles.add(f.open(title.isBlank() ? "x" + title : title).title()); // as stored: trimmed
        }
        int before = TicketQueries.fewTitleMatches;
        try {
            for (int plan : new int[] {before, 0}) {
                TicketQueries.fewTitleMatches = plan;
                for (int i = 0; i < 60; i++) {
                    String search = i % 2 == 0 ? piece(random, titles.get(random.nextInt(titles.size())))
                            : text(random, pieces, 1 + random.nextInt(3));
                    if (search.isBlank()) {
                        continue;
                    }
                    String folded = dev.ticket.service.TitleFolding.fold(search.strip());
                    List<String> expected = titles.stream()
                            .filter(t -> dev.ticket.service.TitleFolding.fold(t).contains(folded)).sorted().toList();
                    assertEquals(expected, f.search(search), "search " + search + " (plan " + plan + ")");
                }
            }
        } finally {
            TicketQueries.fewTitleMatches = before;
        }
    }

    private static String text(Random random, String[] pieces, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        return text.toString();
    }

    private static String piece(Random random, String title) {
        int[] cps = title.codePoints().toArray();
        int from = random.nextInt(cps.length);
        int to = from + 1 + random.nextInt(cps.length - from);
        return new String(cps, from, to - from);
    }

    @Test
    void search_combines_with_the_status_filter() {
        Ticket open = f.open("Канал Telegram офлайн");
        Ticket done = f.open("Канал WhatsApp офлайн");
        f.tickets.close(f.customer, done.id(), null);
        TicketPage onlyDone = f.tickets.list(f.customer,
                new ListRequest(Status.DONE, "канал", false, null, null, null, 10, null));
        assertEquals(List.of(done.id()), onlyDone.items().stream().map(Ticket::id).toList());
        TicketPage onlyOpen = f.tickets.list(f.customer,
                new ListRequest(Status.ON_CUSTOMER, "КАНАЛ", false, null, null, null, 10, null));
        assertEquals(List.of(open.id()), onlyOpen.items().stream().map(Ticket::id).toList());
    }

    @Test
    void unread_counts_the_other_sides_messages_after_the_read_marker() {
        Ticket t = f.open("Unread please");
        assertEquals(1, f.asAgent(t.id()).unread());
        assertEquals(0, f.asCustomer(t.id()).unread());
        f.tickets.reply(f.agent, t.id(), "Looking", List.of(), null);
        f.tickets.reply(f.agent, t.id(), "Found it", List.of(), null);
        assertEquals(2, f.asCustomer(t.id()).unread());
        assertEquals(0, f.asAgent(t.id()).unread());
        TicketPage unreadOnly = f.tickets.list(f.customer,
                new ListRequest(null, null, true, null, null, null, 10, null));
        assertEquals(List.of(t.id()), unreadOnly.items().stream().map(Ticket::id).toList());
        assertEquals(0, f.tickets.markRead(f.customer, t.id()).unread());
        assertEquals(0, f.asCustomer(t.id()).unread());
        assertEquals(2, f.tickets.get(f.otherCustomer, t.id()).unread(), "read markers are per person");
    }

    /**
     * The unread filter (V9's index) lists exactly the tickets whose own count of unread messages is above zero,
     * for each person, after random replies and reads on both sides, for people added after the tickets, with
     * and without search text, starting from the index's rows and walking the tickets newest first.
     */
    @Test
    void the_unread_filter_lists_exactly_the_tickets_with_unread_messages() {
        String word = "непрочит" + Long.toHexString(new Random().nextLong() & 0xffffffL);
        Caller stranger = f.caller("Eve", Role.CUSTOMER, "other-" + word);
        List<Caller> writers = List.of(f.customer, f.otherCustomer, stranger, f.agent);
        Random random = new Random(20261207);
        List<Ticket> opened = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Caller author = i % 4 == 3 ? stranger : i % 2 == 0 ? f.customer : f.otherCustomer;
            opened.add(f.open(author, "Тема " + word + " " + i, null));
        }
        Caller secondAgent = f.caller("Kim", Role.AGENT, null);
        for (int i = 0; i < 40; i++) {
            Ticket t = opened.get(random.nextInt(opened.size()));
            Caller who = writers.get(random.nextInt(writers.size()));
            boolean own = who.team() || t.account().equals(who.account());
            if (!own) {
                continue;
            }
            if (random.nextInt(3) == 0) {
                f.tickets.markRead(who, t.id());
            } else if (!who.team() || random.nextBoolean()) {
                f.tickets.reply(who, t.id(), "message " + i, List.of(), null);
            }
        }
        Caller lateAgent = f.caller("Lee", Role.AGENT, null);
        Caller lateCustomer = f.caller("Ann", Role.CUSTOMER, f.customer.account());
        int before = TicketQueries.fewUnread;
        int titles = TicketQueries.fewTitleMatches;
        try {
            TicketQueries.fewTitleMatches = 0;
            for (int plan : new int[] {before, 0}) {
                TicketQueries.fewUnread = plan;
                for (Caller who : List.of(f.customer, f.otherCustomer, stranger, f.agent, secondAgent, lateAgent,
                        lateCustomer)) {
                    List<Long> expected = opened.stream().filter(t -> who.team() || t.account().equals(who.account()))
                            .filter(t -> f.tickets.get(who, t.id()).unread() > 0).map(Ticket::id).sorted().toList();
                    String seen = who.name() + " (plan " + plan + ")";
                    assertEquals(expected, found(who, request(null, word, true, null, null, null)), seen);
                    if (!who.team()) {
                        assertEquals(expected, found(who, request(null, null, true, null, null, null)), seen);
                    }
                    assertEquals(expected.stream().filter(id -> f.tickets.get(who, id).status() == Status.ON_CUSTOMER)
                            .toList(), found(who, request(Status.ON_CUSTOMER, word, true, null, null, null)), seen);
                }
            }
        } finally {
            TicketQueries.fewUnread = before;
            TicketQueries.fewTitleMatches = titles;
        }
    }

    @Test
    void a_read_marker_never_moves_back() {
        Ticket t = f.open("Markers");
        Message reply = f.tickets.reply(f.agent, t.id(), "One", List.of(), null);
        f.tickets.reply(f.agent, t.id(), "Two", List.of(), null);
        f.tickets.markRead(f.customer, t.id());
        store.write(tx -> {
            tx.markRead(f.customer.userId(), t.id(), reply.id());
            return null;
        });
        assertEquals(0, f.asCustomer(t.id()).unread());
    }

    @Test
    void pages_follow_newest_activity_without_skips_or_repeats() {
        List<Long> opened = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            opened.add(f.open("Page " + i).id());
        }
        f.tickets.reply(f.customer, opened.get(0), "bump", List.of(), null);
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        do {
            TicketPage page = f.tickets.list(f.customer, new ListRequest(null, null, false, null, null, null, 3,
                    cursor));
            page.items().forEach(t -> seen.add(t.id()));
            cursor = page.nextCursor();
        } while (cursor != null);
        List<Long> expected = new ArrayList<>(List.of(opened.get(0)));
        for (int i = opened.size() - 1; i >= 1; i--) {
            expected.add(opened.get(i));
        }
        assertEquals(expected, seen);
    }

    @Test
    void the_total_counts_every_matching_ticket_the_viewer_may_see_on_all_pages() {
        String word = "total" + Long.toHexString(new Random().nextLong() & 0xffffffffL);
        List<Ticket> open = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            open.add(f.open("Counted " + word + " " + i));
        }
        f.tickets.close(f.customer, f.open("Counted " + word + " done").id(), null);
        f.open("Not matching");
        Caller stranger = f.caller("Eve", Role.CUSTOMER, "other-" + word);
        f.open(stranger, "Counted " + word + " elsewhere", null);
        f.tickets.reply(f.agent, open.get(1).id(), "A question back", List.of(), null);

        TicketPage first = f.tickets.list(f.customer, counted(null, word, false, 2, null));
        assertEquals(2, first.items().size());
        assertEquals(6L, first.total(), "the other account's ticket is not counted");
        TicketPage second = f.tickets.list(f.customer, counted(null, word, false, 2, first.nextCursor()));
        assertEquals(6L, second.total(), "the cursor does not change the total");
        assertEquals(5L, f.tickets.list(f.customer, counted(Status.ON_CUSTOMER, word, false, 1, null)).total());
        assertEquals(1L, f.tickets.list(f.customer, counted(Status.DONE, word, false, 1, null)).total());
        assertEquals(1L, f.tickets.list(f.customer, counted(null, word, true, 1, null)).total(), "unread");
        assertEquals(7L, f.tickets.list(f.agent, counted(null, word, false, 1, null)).total(), "agents: all accounts");
        assertEquals(1L, f.tickets.list(stranger, counted(null, word, false, 1, null)).total());
        assertNull(f.tickets.list(f.customer, new ListRequest(null, word, false, null, null, null, 1, null)).total(),
                "no total unless asked for");
    }

    private static ListRequest counted(Status status, String search, boolean unread, int limit, String cursor) {
        return new ListRequest(status, search, unread, null, null, null, limit, cursor, true);
    }

    @Test
    void an_idempotency_key_is_claimed_once_per_user() {
        Instant now = Instant.now();
        String key = "key-" + f.customer.userId();
        assertTrue(claim(f.customer.userId(), key, now));
        assertFalse(claim(f.customer.userId(), key, now));
        assertTrue(claim(f.otherCustomer.userId(), key, now));
        IdempotencyRecord pending = store.read(tx -> tx.idempotency(f.customer.userId(), key)).orElseThrow();
        assertNull(pending.response());
        store.write(tx -> {
            tx.completeIdempotency(f.customer.userId(), key, "Ticket", "{\"id\":1}");
            return null;
        });
        IdempotencyRecord done = store.read(tx -> tx.idempotency(f.customer.userId(), key)).orElseThrow();
        assertEquals(new IdempotencyRecord("fp", "Ticket", "{\"id\":1}"), done);
    }

    private boolean claim(long userId, String key, Instant now) {
        Boolean claimed = store.write(tx -> tx.claimIdempotency(userId, key, "fp", now));
        return claimed;
    }

    @Test
    void a_repeated_idempotent_open_returns_the_first_ticket() {
        var in = new dev.ticket.model.NewTicket("Once", "body", null, null, null, null, null, null);
        Ticket first = f.tickets.open(f.customer, in, List.of(), "open-once").ticket();
        Ticket again = f.tickets.open(f.customer, in, List.of(), "open-once").ticket();
        assertEquals(first.id(), again.id());
        assertEquals(List.of("Once"), f.search("once"));
    }

    /** A new ticket's answer is built from what was inserted rather than read back: it is the ticket as read. */
    @Test
    void a_new_tickets_answer_is_the_ticket_as_read_back() {
        Ticket earlier = f.open("Earlier");
        Ticket done = f.open(f.customer, "Deploy failed", "deploy");
        f.tickets.close(f.customer, done.id(), null);
        Ticket later = f.open("Later");
        Viewer author = new Viewer(f.customer.userId(), false, f.customer.accountId());
        for (List<String> labels : List.of(List.of("платежи"), List.of("b", "A", "a"), List.<String>of())) {
            var in = new dev.ticket.model.NewTicket("Оплата не прошла", "What happened: declined.",
                    dev.ticket.model.TicketType.CRITICAL, "billing page", "https://chat.example/d/1",
                    List.of(later.id(), earlier.id()), labels, "deploy");
            Ticket answer = f.tickets.open(f.customer, in, List.of(), null).ticket();
            assertEquals(store.read(tx -> tx.ticket(answer.id(), author)).orElseThrow(), answer);
            // the refs given, and the latest Done ticket with the dedupe key, in id order
            assertEquals(List.of(earlier.id(), done.id(), later.id()), answer.refs());
            f.tickets.close(f.customer, answer.id(), null);
            done = answer;
            later = f.open("Later");
        }
        Ticket plain = f.open("Plain");
        assertEquals(store.read(tx -> tx.ticket(plain.id(), author)).orElseThrow(), plain);
    }

    @Test
    void a_dedupe_key_merges_into_the_open_ticket_and_a_done_one_is_referenced() {
        Ticket first = f.open(f.customer, "CI failed", "ci-main");
        Ticket merged = f.open(f.otherCustomer, "CI failed again", "ci-main");
        assertEquals(first.id(), merged.id());
        assertEquals(2, f.asCustomer(first.id()).messageCount());
        f.tickets.close(f.customer, first.id(), null);
        Ticket next = f.open(f.customer, "CI failed once more", "ci-main");
        assertNotEquals(first.id(), next.id());
        assertEquals(List.of(first.id()), next.refs());
    }

    @Test
    void two_open_tickets_cannot_share_a_dedupe_key() {
        long account = f.customer.accountId();
        Instant now = Instant.now();
        NewTicketRow row = new NewTicketRow(account, f.customer.userId(), "t", "t",
                dev.ticket.model.TicketType.QUESTION, null, null, "same", now, now);
        assertThrows(RuntimeException.class, () -> store.write(tx -> {
            tx.insertTicket(row);
            return tx.insertTicket(row);
        }));
        assertTrue(store.read(tx -> tx.openTicketByDedupeKey(account, "same")).isEmpty());
    }

    @Test
    void events_come_in_id_order_filtered_by_account_and_ticket_and_listeners_hear_of_them() {
        AtomicInteger heard = new AtomicInteger();
        store.onEvents(heard::incrementAndGet);
        long before = store.read(StoreTx::lastEventId);
        Ticket mine = f.open("Events");
        StoreFixture other = new StoreFixture(store);
        Ticket theirs = other.open("Not yours");
        f.tickets.reply(f.agent, mine.id(), "Answer", List.of(), null);
        f.tickets.close(f.customer, mine.id(), null);
        assertTrue(heard.get() >= 4);
        List<EventRow> all = store.read(tx -> tx.eventsAfter(before, null, null, 100));
        assertEquals(4, all.size());
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i).id() > all.get(i - 1).id());
        }
        List<EventRow> account = store.read(tx -> tx.eventsAfter(before, f.customer.accountId(), null, 100));
        assertEquals(List.of(Event.MESSAGE, Event.MESSAGE, Event.STATUS), account.stream().map(EventRow::kind).toList());
        List<EventRow> ticket = store.read(tx -> tx.eventsAfter(before, null, theirs.id(), 100));
        assertEquals(1, ticket.size());
        assertEquals(all.get(all.size() - 1).id(), store.read(StoreTx::lastEventId));
        assertEquals(2, store.read(tx -> tx.eventsAfter(all.get(1).id(), null, null, 100)).size());
    }

    @Test
    void a_failed_write_leaves_no_event_behind() {
        long before = store.read(StoreTx::lastEventId);
        Ticket t = f.open("Rolled back");
        assertThrows(ServiceException.class, () -> store.write(tx -> {
            tx.appendEvent(t.id(), f.customer.accountId(), Event.MESSAGE, "{}", Instant.now());
            throw ServiceException.validation("no");
        }));
        assertEquals(1, store.read(tx -> tx.eventsAfter(before, f.customer.accountId(), null, 100)).size());
    }

    @Test
    void blobs_stream_back_byte_for_byte() throws Exception {
        byte[] content = new byte[3 * 1024 * 1024 + 17];
        new Random(42).nextBytes(content);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        Path temp = Files.createTempFile(store.blobs().tempDir(), "test-", ".part");
        Files.write(temp, content);
        store.blobs().put(sha, temp);
        try (InputStream in = store.blobs().open(sha)) {
            assertEquals(sha, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes())));
        }
        Files.deleteIfExists(temp);
        assertThrows(IOException.class, () -> store.blobs().open("0".repeat(64)).read());
    }
}
