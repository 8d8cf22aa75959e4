package dev.ticket.service;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque list cursors: the activity sequence of the last ticket shown, so pages never skip or repeat. */
final class Cursor {
    private Cursor() {
    }

    static String encode(long activity) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("a" + activity).getBytes(StandardCharsets.US_ASCII));
    }

    static Long decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (text.startsWith("a")) {
                return Long.parseLong(text.substring(1));
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw ServiceException.validation("cursor is not one this service gave out; start from the first page.");
    }
}
