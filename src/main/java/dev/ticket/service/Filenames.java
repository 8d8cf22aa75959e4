package dev.ticket.service;

/** Attachment file names as stored and shown: a plain name, never a path, never control characters. */
public final class Filenames {
    private Filenames() {
    }

    public static String safe(String name) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        StringBuilder clean = new StringBuilder();
        // control characters, and format characters (bidi overrides such as U+202E, zero-width marks)
        // that would make "photo\u202Egnp.exe" show as "photoexe.png" in a browser's save dialog
        base.codePoints().filter(c -> !Character.isISOControl(c) && (Character.getType(c) != Character.FORMAT || joiner(c)))
                .forEach(clean::appendCodePoint);
        String result = clean.toString().strip();
        if (result.isEmpty() || result.equals(".") || result.equals("..")) {
            result = "attachment";
        }
        return result.length() > 255 ? result.substring(0, 255) : result;
    }

    /**
     * Zero-width (non-)joiners are format characters that names need: emoji sequences (👩‍💻) and Persian or
     * Indic words are written with them; they reorder nothing.
     */
    private static boolean joiner(int c) {
        return c == 0x200C || c == 0x200D;
    }
}
