package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ticket.cli.command.Composer;
import dev.ticket.cli.command.HoursCommand;
import dev.ticket.cli.command.TicketIdConverter;
import dev.ticket.cli.output.Formats;
import dev.ticket.cli.output.Style;
import dev.ticket.cli.output.Table;
import dev.ticket.cli.output.Transcript;
import dev.ticket.model.Author;
import dev.ticket.model.ByteSizes;
import dev.ticket.model.Attachment;
import dev.ticket.model.Message;
import dev.ticket.model.Role;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class ParsingAndFormattingTest {
    private static final Instant NOW = Instant.parse("2025-11-25T12:00:00Z");
    private static final Formats FORMATS = new Formats(Clock.fixed(NOW, ZoneOffset.UTC));

    @ParameterizedTest
    @CsvSource({"42,42", "#42,42", " #7 ,7", "1,1"})
    void ids_are_read_with_or_without_a_hash(String text, long id) {
        assertEquals(id, TicketIdConverter.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "#", "abc", "-3", "0", "4 2", "##4", "+5", "\u0661", "#\u0664\u0662"})
    void anything_else_is_not_an_id(String text) {
        assertThrows(CommandLine.TypeConversionException.class, () -> TicketIdConverter.parse(text));
    }

    @ParameterizedTest
    @CsvSource({"90,PT1M30S", "90s,PT1M30S", "10m,PT10M", "1h30m,PT1H30M", "1500ms,PT1.5S", "2d,PT48H", "PT5M,PT5M"})
    void durations_read_like_people_write_them(String text, String iso) {
        assertEquals(Duration.parse(iso), DurationConverter.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "10x", "m10", "1h 30m", "-5m"})
    void other_durations_are_refused(String text) {
        assertThrows(CommandLine.TypeConversionException.class, () -> DurationConverter.parse(text));
    }

    @Test
    void comment_lines_are_dropped_but_ticket_references_stay() {
        assertEquals("Line one\n#42 is related\nLine three",
                Composer.stripComments("Line one\n# advice\n#42 is related\n#\nLine three\n\n# more advice\n"));
    }

    @Test
    void list_times_read_as_ages_then_dates() {
        assertEquals("just now", FORMATS.ago(NOW.minusSeconds(30)));
        assertEquals("5 min ago", FORMATS.ago(NOW.minusSeconds(300)));
        assertEquals("3 h ago", FORMATS.ago(NOW.minusSeconds(3 * 3600 + 59)));
        assertEquals("2 d ago", FORMATS.ago(NOW.minus(Duration.ofDays(2))));
        assertEquals("2025-11-01", FORMATS.ago(Instant.parse("2025-11-01T08:00:00Z")));
        assertEquals("2025-11-25 12:00", FORMATS.dateTime(NOW));
    }

    @Test
    void sizes_read_in_binary_units() {
        assertEquals("512 B", ByteSizes.human(512));
        assertEquals("1023 B", ByteSizes.human(1023));
        assertEquals("1 KiB", ByteSizes.human(1024));
        assertEquals("12.3 KiB", ByteSizes.human(12_600));
        assertEquals("1 MiB", ByteSizes.human(1024 * 1024 - 1), "what would read 1024 KiB");
        assertEquals("25 MiB", ByteSizes.human(25L * 1024 * 1024));
        assertEquals("1.5 GiB", ByteSizes.human(3L * 512 * 1024 * 1024));
    }

    /** The table as printed without colour in {@code width} columns (0: no limit). */
    private static String printed(Table table, int width) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        table.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), new Style(false), width, (c, t) -> t);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void tables_align_columns_and_shorten_the_flexible_one_to_fit() {
        Table table = new Table("ID", "TITLE", "WHEN").alignRight(0).flexible(1);
        table.row("#7", "A rather long title that will not fit", "just now");
        table.row("#12", "Короткий", "5 min ago");
        assertEquals("""
                 ID  TITLE                     WHEN
                 #7  A rather long title tha…  just now
                #12  Короткий                  5 min ago
                """, printed(table, 40));
    }

    @Test
    void tables_measure_cjk_and_emoji_in_terminal_columns_when_padding_and_cutting() {
        Table table = new Table("ID", "TITLE", "WHEN").flexible(1);
        table.row("#1", "预订链接无法打开", "just now");
        table.row("#2", "Emoji 🎉🚀 title", "just now");
        table.row("#3", "Plain", "just now");
        assertEquals("""
                ID  TITLE             WHEN
                #1  预订链接无法打开  just now
                #2  Emoji 🎉🚀 title  just now
                #3  Plain             just now
                """, printed(table, 0));
        assertEquals("""
                ID  TITLE       WHEN
                #1  预订链接…   just now
                #2  Emoji 🎉…   just now
                #3  Plain       just now
                """, printed(table, 24));
    }

    @Test
    void wrapping_counts_wide_characters_as_two_columns() {
        assertEquals(List.of("预订链接无", "法打开"), Transcript.wrap("预订链接无法打开", 10));
        assertEquals(List.of("🎉🎉🎉🎉🎉", "🎉"), Transcript.wrap("🎉🎉🎉🎉🎉🎉", 11));
        assertEquals(List.of("预", "订"), Transcript.wrap("预订", 1));
    }

    @Test
    void plain_transcripts_name_the_side_of_each_author() {
        Message m = new Message(1, 1, new Author(2, "Sam", Role.AGENT), "Fixed.\nPlease check.",
                NOW, List.of(new Attachment(3, "shot.png", "image/png", 2048, "ab")));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new Transcript(new Style(false), FORMATS, false, 80)
                .message(m, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals("""
                Sam (team) · 2025-11-25 12:00
                Fixed.
                Please check.
                [file 3] shot.png (2 KiB)
                """, bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void chat_transcripts_put_the_customer_on_the_right() {
        Message m = new Message(1, 1, new Author(1, "Anna", Role.CUSTOMER), "Hello there", NOW, List.of());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new Transcript(new Style(false), FORMATS, true, 40)
                .message(m, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals("""
                                 2025-11-25 12:00 · Anna
                                 Hello there
                """, bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void long_lines_wrap_at_spaces() {
        assertEquals(List.of("one two", "three four", "five"), Transcript.wrap("one two three four five", 10));
        assertEquals(List.of("abcdefghij", "klm"), Transcript.wrap("abcdefghijklm", 10));
    }

    @Test
    void working_days_compress_to_a_range() {
        assertEquals("Mon–Fri", HoursCommand.days(List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")));
        assertEquals("Mon, Wed", HoursCommand.days(List.of("mon", "wed")));
        assertEquals("2 d 3 h", HoursCommand.span(Duration.ofHours(51)));
        assertEquals("14 h 5 min", HoursCommand.span(Duration.ofMinutes(845)));
    }
}
