package dev.ticket.store;

import java.util.LinkedHashSet;
import java.util.List;
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

    /**
     * Tokens every title containing {@code folded} (not blank) holds: the text itself when it is at most
     * three characters long, else its distinct three-character pieces (at most {@code most}, spread over it).
     */
    static List<String> tokens(String folded, int most) {
        int[] cps = folded.codePoints().toArray();
        if (cps.length <= MAX) {
            return List.of(token(cps, 0, cps.length));
        }
        int pieces = cps.length - MAX + 1;
        Set<String> tokens = new LinkedHashSet<>();
        for (int k = 0; k < Math.min(most, pieces); k++) {
            int at = most >= pieces ? k : (int) ((long) k * (pieces - 1) / (most - 1));
            tokens.add(token(cps, at, MAX));
        }
        return List.copyOf(tokens);
    }

    private static String token(int[] cps, int from, int length) {
        StringBuilder token = new StringBuilder(length * 5);
        for (int i = from; i < from + length; i++) {
            token.append('x').append(Integer.toHexString(cps[i]));
        }
        return token.toString();
    }
}
