package dev.ticket.service;

import java.text.Normalizer;
import java.util.Locale;

/** Folds titles and search text alike so that search is case-insensitive in any script. */
public final class TitleFolding {
    private TitleFolding() {
    }

    /** NFKC, lower case, and ё read as е (Russian writers use both). */
    public static String fold(String text) {
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC);
        return normal.toLowerCase(Locale.ROOT).replace('ё', 'е');
    }
}
