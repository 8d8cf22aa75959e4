package dev.ticket.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one JSON configuration both sides use: snake_case fields, ISO-8601 instants. */
public final class Json {
    private static volatile ObjectMapper mapper;

    private Json() {
    }

    /** A bare streaming factory, for readers that must not wait for the mapper to be built. */
    public static JsonFactory factory() {
        return Factory.INSTANCE;
    }

    private static final class Factory {
        static final JsonFactory INSTANCE = new JsonFactory();
    }

    /** The shared mapper, built on first use (it costs class loading at start-up). */
    public static ObjectMapper mapper() {
        ObjectMapper m = mapper;
        if (m == null) {
            synchronized (Json.class) {
                if (mapper == null) {
                    mapper = JsonMapper.builder()
                            .addModule(new JavaTimeModule())
                            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                            .build();
                }
                m = mapper;
            }
        }
        return m;
    }
}
