package dev.ticket.service;

import java.util.List;

/**
 * The service's settings beyond business hours: the topics offered for {@code about}, and the
 * size limits for messages and attachments, and the attachment storage an account may use (0 = no cap).
 */
public record ServiceSettings(List<String> topics, long maxFileBytes, int maxFilesPerMessage, int maxBodyChars,
                              long accountQuotaBytes) {
    /** The platform's sections from the seed. */
    public static final List<String> DEFAULT_TOPICS =
            List.of("Account settings", "Finance", "AI employees", "Channels");

    public static ServiceSettings defaults() {
        return new ServiceSettings(DEFAULT_TOPICS, 25L * 1024 * 1024, 10, 100_000);
    }

    /** Without an attachment quota per account. */
    public ServiceSettings(List<String> topics, long maxFileBytes, int maxFilesPerMessage, int maxBodyChars) {
        this(topics, maxFileBytes, maxFilesPerMessage, maxBodyChars, 0);
    }

    /** The same with attachment storage per account capped at {@code bytes} ({@code 0} = no cap). */
    public ServiceSettings withAccountQuota(long bytes) {
        return new ServiceSettings(topics, maxFileBytes, maxFilesPerMessage, maxBodyChars, bytes);
    }

    public ServiceSettings {
        topics = List.copyOf(topics);
    }
}
