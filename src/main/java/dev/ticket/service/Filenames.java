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
        base.codePoints().filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .forEach(clean::appendCodePoint);
        String result = clean.toString().strip();
        if (result.isEmpty() || result.equals(".") || result.equals("..")) {
            result = "attachment";
        }
        return result.length() > 255 ? result.substring(0, 255) : result;
    }

}
