package dev.ticket.tui;

import java.util.HashMap;
import java.util.Map;

/**
 * The input box: the message being written for the open ticket, and the drafts kept for the other tickets
 * (by ticket id), so a message never follows the selection into another ticket.
 */
public record Compose(EditBuffer input, Map<Long, String> drafts) {
    static final Compose EMPTY = new Compose(EditBuffer.EMPTY, Map.of());

    public Compose {
        drafts = Map.copyOf(drafts);
    }

    Compose withInput(EditBuffer i) {
        return new Compose(i, drafts);
    }

    /** Keeps what was typed for ticket {@code open} (null: none) and brings back what was typed for {@code next}. */
    Compose switching(Long open, Long next) {
        Map<Long, String> kept = new HashMap<>(drafts);
        if (open != null) {
            if (input.text().isEmpty()) {
                kept.remove(open);
            } else {
                kept.put(open, input.text());
            }
        }
        String restored = next == null ? null : kept.remove(next);
        return new Compose(EditBuffer.of(restored == null ? "" : restored), kept);
    }

    /** True when something typed is not sent yet: in the box or kept for another ticket. */
    boolean hasDraft() {
        return !input.isBlank() || drafts.values().stream().anyMatch(d -> !d.isBlank());
    }
}
