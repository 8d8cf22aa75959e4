package dev.ticket.model;

import java.util.List;

/** The topics the service offers for a ticket's {@code about} field. */
public record Topics(List<String> topics) {
}
