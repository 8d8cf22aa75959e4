package dev.ticket.service;

import dev.ticket.model.MessageText;
import dev.ticket.model.NewTicket;
import dev.ticket.model.TicketType;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The field rules of rules.md R1: what a ticket and a message must and may carry. */
final class TicketRules {
    static final int MAX_TITLE = 200;
    static final int MAX_ABOUT = 200;
    static final int MAX_LABELS = 20;
    static final int MAX_REFS = 50;
    private static final Pattern LABEL = Pattern.compile("[\\p{L}\\p{N}_.:/+-]{1,50}");
    /** Control characters, and unpaired surrogates (from a lone JSON surrogate escape) that no storage keeps intact. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cs}&&[^\\t\\n\\r]]");

    private TicketRules() {
    }

    /** A ticket's fields cleaned up, or a validation error naming the first bad field. */
    record Clean(String title, String body, TicketType type, String about, String dialogUrl, List<Long> refs,
                 List<String> labels, String dedupeKey) {
    }

    static Clean check(NewTicket in, int maxBodyChars) {
        String title = in.title() == null ? "" : in.title().strip();
        if (title.isEmpty()) {
            throw ServiceException.validation("title is required.");
        }
        if (title.codePointCount(0, title.length()) > MAX_TITLE) {
            throw ServiceException.validation("title is longer than " + MAX_TITLE + " characters.");
        }
        if (CONTROL.matcher(title).find() || title.indexOf('\n') >= 0 || title.indexOf('\r') >= 0) {
            throw ServiceException.validation("title must be one line without control characters or broken Unicode.");
        }
        String body = body(in.body(), maxBodyChars, "body (the first message)");
        String about = optional(in.about(), "about", MAX_ABOUT);
        String dialog = dialogUrl(in.dialogUrl());
        List<Long> refs = in.refs() == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(in.refs()));
        if (refs.size() > MAX_REFS) {
            throw ServiceException.validation("refs must be at most " + MAX_REFS + " ticket ids.");
        }
        for (Long ref : refs) {
            if (ref == null || ref <= 0) {
                throw ServiceException.validation("refs: " + ref + " is not a ticket id.");
            }
        }
        List<String> labels = labels(in.labels());
        String dedupe = optional(in.dedupeKey(), "dedupe_key", 200);
        TicketType type = in.type() == null ? TicketType.QUESTION : in.type();
        return new Clean(title, body, type, about, dialog, refs, labels, dedupe);
    }

    static String body(String text, int maxChars, String name) {
        if (text == null || text.isBlank()) {
            throw ServiceException.validation(name + " is required.");
        }
        if (text.length() > maxChars) {
            throw ServiceException.validation(name + " is longer than " + maxChars + " characters.");
        }
        if (CONTROL.matcher(text).find()) {
            throw ServiceException.validation(name + " contains control characters or broken Unicode.");
        }
        return MessageText.trim(text);
    }

    private static String optional(String text, String name, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        if (value.length() > max || CONTROL.matcher(value).find() || value.indexOf('\n') >= 0) {
            throw ServiceException.validation(name + " must be one line of at most " + max + " characters.");
        }
        return value;
    }

    private static String dialogUrl(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && value.length() <= 2000) {
                return value;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw ServiceException.validation("dialog_url must be an http or https link to the dialog.");
    }

    private static List<String> labels(List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        LinkedHashSet<String> labels = new LinkedHashSet<>();
        for (String label : raw) {
            String value = label == null ? "" : label.strip();
            if (!LABEL.matcher(value).matches()) {
                throw ServiceException.validation("label '" + value + "' must be 1-50 letters, digits or _.:/+-");
            }
            labels.add(value);
        }
        if (labels.size() > MAX_LABELS) {
            throw ServiceException.validation("a ticket takes at most " + MAX_LABELS + " labels.");
        }
        return new ArrayList<>(labels);
    }
}
