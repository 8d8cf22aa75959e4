package dev.ticket.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticket.model.Json;
import dev.ticket.model.Role;
import dev.ticket.model.Status;
import dev.ticket.model.Ticket;
import dev.ticket.model.TicketPage;
import dev.ticket.model.User;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CLI's JSON (jackson-jr with the model's rules) must read whatever the service's mapper writes, and write what
 * the mapper writes, for every record of the model.
 */
class ClientJsonTest {

    /** Every record class of dev.ticket.model, found on disk so a new record is covered without editing this. */
    static Stream<Class<?>> modelRecords() throws IOException, URISyntaxException {
        Path dir = Path.of(Json.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("dev/ticket/model");
        List<Class<?>> records = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.endsWith(".class")) {
                    try {
                        Class<?> type = Class.forName("dev.ticket.model." + name.replace(".class", ""));
                        if (type.isRecord()) {
                            records.add(type);
                        }
                    } catch (ClassNotFoundException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        assertTrue(records.contains(Ticket.class) && records.contains(TicketPage.class), records.toString());
        return records.stream();
    }

    @ParameterizedTest
    @MethodSource("modelRecords")
    void reads_what_the_mapper_writes_with_every_field_set(Class<?> type) throws Exception {
        Object sample = sample(type, 1);
        byte[] json = Json.mapper().writeValueAsBytes(sample);
        assertTrue(ClientJson.handles(type));
        assertEquals(sample, ClientJson.read(json, type), new String(json, StandardCharsets.UTF_8));
        assertEquals(Json.mapper().readValue(json, type), ClientJson.read(json, type));
    }

    @ParameterizedTest
    @MethodSource("modelRecords")
    void reads_an_empty_object_as_the_mapper_does(Class<?> type) throws Exception {
        byte[] json = "{}".getBytes(StandardCharsets.UTF_8);
        boolean hasPrimitive = Stream.of(type.getRecordComponents()).anyMatch(c -> c.getType().isPrimitive());
        if (hasPrimitive) {
            // the mapper refuses a missing number or flag (FAIL_ON_NULL_FOR_PRIMITIVES); so does the reader
            assertThrows(IOException.class, () -> Json.mapper().readValue(json, type));
            assertThrows(IOException.class, () -> ClientJson.read(json, type));
        } else {
            assertEquals(Json.mapper().readValue(json, type), ClientJson.read(json, type));
        }
    }

    @ParameterizedTest
    @MethodSource("modelRecords")
    void writes_what_the_mapper_writes_to_the_byte_with_every_field_set(Class<?> type) throws Exception {
        Object sample = sample(type, 1);
        assertWritesAsTheMapper(sample);
        assertWritesAsTheMapper(List.of(sample, sample(type, 2)));
    }

    @ParameterizedTest
    @MethodSource("modelRecords")
    void writes_nulls_as_the_mapper_does_kept_or_left_out(Class<?> type) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = types[i].isPrimitive() ? sample(types[i], i) : null;
        }
        java.lang.reflect.Constructor<?> constructor = type.getDeclaredConstructor(types);
        constructor.setAccessible(true);
        assertWritesAsTheMapper(constructor.newInstance(args));
    }

    @Test
    void writes_every_enum_constant_maps_and_empty_lists_as_the_mapper_does() throws Exception {
        for (Class<?> type : List.of(Role.class, Status.class, dev.ticket.model.TicketType.class,
                dev.ticket.model.Awaiting.class)) {
            for (Object constant : type.getEnumConstants()) {
                assertWritesAsTheMapper(constant);
            }
        }
        java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
        map.put("profile", "default");
        map.put("logged_out", true);
        map.put("user_id", 42L);
        map.put("none", null);
        map.put("nested", List.of(List.of(), java.util.Map.of()));
        assertWritesAsTheMapper(map);
        assertWritesAsTheMapper(List.of());
        assertWritesAsTheMapper(Instant.parse("2026-11-25T09:00:00Z"));
    }

    private static void assertWritesAsTheMapper(Object value) throws Exception {
        assertEquals(Json.mapper().writeValueAsString(value),
                new String(ClientJson.write(value), StandardCharsets.UTF_8));
        assertEquals(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value),
                ClientJson.writePretty(value));
    }

    @Test
    void request_bodies_leave_absent_fields_out_instead_of_sending_null() throws Exception {
        // SPEC 7.2: the schema allows no null in a request; an independent validator refused "about":null
        var ticket = new dev.ticket.model.NewTicket("Widget", "It broke.", null, null, null, null, null, null);
        assertEquals("{\"title\":\"Widget\",\"body\":\"It broke.\"}",
                new String(ClientJson.write(ticket), StandardCharsets.UTF_8));
        assertEquals(Json.mapper().writeValueAsString(ticket), new String(ClientJson.write(ticket),
                StandardCharsets.UTF_8));
        var user = new dev.ticket.model.NewUser("Sam", Role.AGENT, null);
        assertEquals("{\"name\":\"Sam\",\"role\":\"agent\"}", new String(ClientJson.write(user),
                StandardCharsets.UTF_8));
    }

    @Test
    void reads_the_wire_names_skips_unknown_fields_and_keeps_text_exact() throws Exception {
        String json = "{\"id\": 7, \"title\": \"Не работает \\\"ссылка\\\" * OR -x\", \"status\": \"on_customer\","
                + " \"future_field\": {\"nested\": [1, 2, {\"deep\": null}]}, \"dialog_url\": null,"
                + " \"created_at\": \"2026-11-25T10:15:30.123456Z\", \"refs\": [3, 4], \"unread\": 2,"
                + " \"message_count\": 3}";
        Ticket ticket = ClientJson.read(json.getBytes(StandardCharsets.UTF_8), Ticket.class);
        assertEquals(7, ticket.id());
        assertEquals("Не работает \"ссылка\" * OR -x", ticket.title());
        assertEquals(Status.ON_CUSTOMER, ticket.status());
        assertNull(ticket.dialogUrl());
        assertEquals(Instant.parse("2026-11-25T10:15:30.123456Z"), ticket.createdAt());
        assertEquals(List.of(3L, 4L), ticket.refs());
        assertEquals(List.of(), ticket.labels());
        assertEquals(3, ticket.messageCount());
        assertEquals(2, ticket.unread());
        assertNull(ticket.messages());
    }

    @Test
    void bad_documents_are_errors_that_say_what_is_wrong() {
        IOException wrongType = assertThrows(IOException.class, () -> ClientJson.read(
                "{\"id\": \"seven\"}".getBytes(StandardCharsets.UTF_8), User.class));
        assertTrue(wrongType.getMessage().contains("expected a whole number at 'id'"), wrongType.getMessage());
        IOException badEnum = assertThrows(IOException.class, () -> ClientJson.read(
                "{\"role\": \"boss\"}".getBytes(StandardCharsets.UTF_8), User.class));
        assertTrue(badEnum.getMessage().contains("'boss' is not one of customer, agent, admin"), badEnum.getMessage());
        IOException nullPrimitive = assertThrows(IOException.class, () -> ClientJson.read(
                "{\"id\": null}".getBytes(StandardCharsets.UTF_8), User.class));
        assertTrue(nullPrimitive.getMessage().contains("null for a long"), nullPrimitive.getMessage());
        assertThrows(IOException.class, () -> ClientJson.read(new byte[0], User.class));
        assertThrows(IOException.class, () -> ClientJson.read("{\"id\": 1".getBytes(StandardCharsets.UTF_8),
                User.class));
        assertThrows(IOException.class, () -> ClientJson.read("[]".getBytes(StandardCharsets.UTF_8), User.class));
    }

    @Test
    void reads_only_the_models_records() {
        assertTrue(ClientJson.handles(User.class));
        assertFalse(ClientJson.handles(String.class));
        assertFalse(ClientJson.handles(Role.class));
        assertFalse(ClientJson.handles(com.fasterxml.jackson.databind.JsonNode.class));
    }

    @Test
    void instants_read_exactly_as_instant_parse_reads_them() {
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 20_000; i++) {
            Instant at = Instant.ofEpochSecond(random.nextInt(Integer.MAX_VALUE) * (random.nextBoolean() ? 1L : 2L),
                    random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
            if (random.nextBoolean()) {
                at = at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            }
            String text = at.toString(); // what the service's mapper writes
            assertEquals(Instant.parse(text), Instants.parse(text), text);
        }
        // odd forms go to Instant.parse: the same instant, or the same refusal
        for (String text : new String[] {"2026-11-25T10:15:30+03:00", "2026-11-25T10:15:30.5+00:00",
                "2026-03-29T01:30:00.123456789Z", "2000-02-29T23:59:59Z", "+12026-01-01T00:00:00Z",
                "2026-11-25T24:00:00Z", "2026-11-25T10:15:30.Z", "2026-02-30T10:15:30Z", "2026-11-25T10:15:60Z",
                "2026-11-25T10:15:30.1234567890Z", "2026-1x-25T10:15:30Z", "2026-11-25 10:15:30Z", "yesterday"}) {
            Instant expected;
            try {
                expected = Instant.parse(text);
            } catch (java.time.DateTimeException e) {
                assertThrows(java.time.DateTimeException.class, () -> Instants.parse(text), text);
                continue;
            }
            assertEquals(expected, Instants.parse(text), text);
        }
    }

    /** A value of {@code type} with every field set, different per {@code seed}. */
    private static Object sample(Type type, int seed) throws Exception {
        Class<?> raw = type instanceof ParameterizedType
                ? (Class<?>) ((ParameterizedType) type).getRawType() : (Class<?>) type;
        if (raw == long.class || raw == Long.class) {
            return 1_000_000_000_000L + seed;
        } else if (raw == int.class || raw == Integer.class) {
            return 40 + seed;
        } else if (raw == boolean.class || raw == Boolean.class) {
            return seed % 2 == 1;
        } else if (raw == String.class) {
            return "текст \"" + seed + "\" <b>&</b> \\ ✓";
        } else if (raw == Instant.class) {
            return Instant.parse("2026-03-29T01:30:00.123456Z").plusSeconds(seed);
        } else if (raw.isEnum()) {
            Object[] values = raw.getEnumConstants();
            return values[seed % values.length];
        } else if (raw == List.class) {
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            return List.of(sample(element, seed), sample(element, seed + 1));
        } else if (raw.isRecord()) {
            RecordComponent[] components = raw.getRecordComponents();
            Object[] args = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                args[i] = sample(components[i].getGenericType(), seed + i);
                types[i] = components[i].getType();
            }
            return raw.getDeclaredConstructor(types).newInstance(args);
        }
        throw new IllegalArgumentException("no sample for " + type);
    }
}
