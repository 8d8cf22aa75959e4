package dev.ticket.store;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The pieces of a folded title that SQLite's title index holds: every distinct piece of one, two and
 * three characters, each written as one token of ASCII letters and digits ({@code x} before each code
 * point in hex), so FTS5's plain {@code ascii} tokenizer stores them as they are and nothing in SQLite
 * folds or splits them again: what matches is decided by {@code TitleFolding} alone, the same on both
 * stores. A search text of up to three characters is one such token; a longer one needs all of its
 * three-character pieces, and the row is then checked for the whole text ({@code instr}).
 */
final class TitleGrams {
    /** The longest piece indexed; longer search text is looked up by its pieces of this length. */
    static final int MAX = 3;

    private TitleGrams() {
    }

    /** The index text of a folded title: its distinct tokens, separated by spaces. */
    static String of(String folded) {
        int[] cps = folded.codePoints().toArray();
        Set<String> tokens = new LinkedHashSet<>();
        for (int n = 1; n <= MAX; n++) {
            for (int i = 0; i + n <= cps.length; i++) {
                tokens.add(token(cps, i, n));
            }
        }
        return String.join(" ", tokens);
    }

    /** The FTS5 query that every title containing {@code folded} (not blank) matches. */
    static String query(String folded) {
        int[] cps = folded.codePoints().toArray();
        if (cps.length <= MAX) {
            return token(cps, 0, cps.length);
        }
        Set<String> tokens = new LinkedHashSet<>();
        for (int i = 0; i + MAX <= cps.length; i++) {
            tokens.add(token(cps, i, MAX));
        }
        return String.join(" AND ", tokens);
    }

    private static String token(int[] cps, int from, int length) {
        StringBuilder token = new StringBuilder(length * 5);
        for (int i = from; i < from + length; i++) {
            token.append('x').append(Integer.toHexString(cps[i]));
        }
        return token.toString();
    }
}
