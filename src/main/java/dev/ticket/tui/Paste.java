package dev.ticket.tui;

import java.util.ArrayList;
import java.util.List;

/**
 * Terminals deliver a paste as keys: its line breaks as Enter, its tabs as Tab. Keys that arrive
 * together in one burst (no person types that fast) are a paste: an Enter or a Tab right after
 * text in the same burst is a new line or a tab in the message, not "send" or "next pane", so
 * pasting a stack trace never sends it in pieces or turns its letters into commands.
 */
final class Paste {
    private Paste() {
    }

    static List<Key> fold(List<Key> burst) {
        List<Key> out = new ArrayList<>(burst.size());
        Key previous = null;
        for (Key k : burst) {
            boolean afterText = previous != null && (previous.isText() || previous.isNewline());
            Key folded = k;
            if (afterText && k.is(Key.Kind.ENTER)) {
                folded = Key.altEnter();
            } else if (afterText && k.is(Key.Kind.TAB)) {
                folded = Key.ch('\t');
            }
            out.add(folded);
            previous = folded;
        }
        return out;
    }
}
