package dev.ticket.tui;

import dev.ticket.model.Attachment;
import dev.ticket.model.Author;
import dev.ticket.model.Awaiting;
import dev.ticket.model.Message;
import dev.ticket.model.Role;
import dev.ticket.model.Status;
import dev.ticket.model.Ticket;
import dev.ticket.model.TicketType;
import dev.ticket.model.User;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Tickets, people and models for the chat view's tests: a fixed clock, Cyrillic and CJK text. */
final class Fixtures {
    static final Instant NOW = Instant.parse("2025-05-02T12:00:00Z");
    static final User ALICE = new User(2, "Алиса Петрова", Role.CUSTOMER, "acme", null);
    static final User BOB = new User(3, "Bob", Role.AGENT, null, null);
    static final Author ALICE_AUTHOR = new Author(2, "Алиса Петрова", Role.CUSTOMER);
    static final Author BOB_AUTHOR = new Author(3, "Bob", Role.AGENT);

    private Fixtures() {
    }

    static Instant ago(Duration d) {
        return NOW.minus(d);
    }

    static Ticket ticket(long id, String title, Status status, Awaiting awaiting, int unread, String account,
                         Instant updated) {
        return new Ticket(id, title, status, TicketType.QUESTION, null, null, account, ALICE_AUTHOR,
                updated.minus(Duration.ofHours(30)), updated, status == Status.DONE ? updated : null,
                Instant.parse("2025-05-05T16:00:00Z"), awaiting, unread, 2, List.of(), List.of(), null, null);
    }

    static Message message(long id, long ticketId, Author author, String body, Instant at, Attachment... files) {
        return new Message(id, ticketId, author, body, at, List.of(files));
    }

    static Attachment file(long id, String name, long size) {
        return new Attachment(id, name, "application/octet-stream", size, "0".repeat(64));
    }

    /** A customer's list: an open ticket with a chat, one with unread answers, one Done, one in Chinese. */
    static List<Ticket> customerTickets() {
        return List.of(
                ticket(12, "Не работает ссылка на бронирование", Status.ON_CUSTOMER, Awaiting.TEAM, 0, "acme",
                        ago(Duration.ofMinutes(20))),
                ticket(11, "Консьерж не отвечает в Telegram", Status.ON_CUSTOMER, Awaiting.CUSTOMER, 3, "acme",
                        ago(Duration.ofHours(26))),
                ticket(9, "预订链接打不开 (booking link broken)", Status.ON_CUSTOMER, Awaiting.TEAM, 0, "acme",
                        ago(Duration.ofDays(3))),
                ticket(7, "Списание средств дважды", Status.DONE, Awaiting.CUSTOMER, 0, "acme",
                        Instant.parse("2024-12-30T10:00:00Z")));
    }

    /** Ticket 12 with its chat: the customer asks (with a screenshot), the team answers, the customer adds. */
    static Ticket chatOf12() {
        Ticket t = customerTickets().get(0);
        return t.withMessages(List.of(
                message(101, 12, ALICE_AUTHOR, "Сотрудник «Консьерж» в Telegram отправляет клиентам ссылку на "
                        + "бронирование, но при переходе открывается пустая страница. Шаги: написать боту "
                        + "«хочу столик», нажать на ссылку.", ago(Duration.ofHours(27)),
                        file(501, "скриншот-ошибки.png", 184_320)),
                message(102, 12, BOB_AUTHOR, "Thanks! Could you send the dialog link from the Chats section?",
                        ago(Duration.ofHours(26))),
                message(103, 12, ALICE_AUTHOR, "Вот ссылка: https://app.example.com/chats/8842",
                        ago(Duration.ofMinutes(20)), file(502, "dialog.txt", 512))));
    }

    /** The customer looking at ticket 12, typing an answer. */
    static TuiModel customerModel(int cols, int rows) {
        TuiModel m = TuiModel.initial(cols, rows, NOW, ZoneOffset.UTC).withSession(Session.START.withMe(ALICE));
        TicketList list = m.list().withTickets(customerTickets()).withSelected(12L);
        return m.withList(list).withChat(new Chat(chatOf12(), 0, -1, false))
                .withInput(EditBuffer.of("Страница всё ещё пустая")).withFocus(Focus.INPUT);
    }
}
