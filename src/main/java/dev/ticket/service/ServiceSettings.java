package dev.ticket.service;

import java.util.List;

/**
 * The service's settings beyond business hours: the topics offered for {@code about}, and the
 * size limits for messages and attachments.
 */
public record ServiceSettings(List<String> topics, long maxFileBytes, int maxFilesPerMessage, int maxBodyChars) {
    /** The platform's sections from the seed. */
    public static final List<String> DEFAULT_TOPICS =
            List.of("Account settings", "Finance", "AI employees", "Channels");

    public static ServiceSettings defaults() {
        return new ServiceSettings(DEFAULT_TOPICS, 25L * 1024 * 1024, 10, 100_000);
    }

    public ServiceSettings {
        topics = List.copyOf(topics);
    }
}
