package dev.ticket.cli.command;

import dev.ticket.model.Attachment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Local file names for attachments: whatever name the service stored, the result is one plain name
 * inside the target directory: no path, no control or bidi characters, not hidden, not too long.
 */
final class SafeNames {
    private static final int MAX_BYTES = 200;

    private SafeNames() {
    }

    /** A plain file name for a stored attachment name ({@code attachment-ID} when nothing usable is left). */
    static String plain(String stored, long attachmentId) {
        String name = stored == null ? "" : stored.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        StringBuilder clean = new StringBuilder();
        name.codePoints().filter(c -> !Character.isISOControl(c) && (Character.getType(c) != Character.FORMAT || joiner(c)))
                .forEach(clean::appendCodePoint);
        name = clean.toString().strip().replaceFirst("^\\.+", "").strip();
        if (name.isEmpty()) {
            return "attachment-" + attachmentId;
        }
        return truncate(name);
    }

    /**
     * Where each attachment goes in {@code dir}: its plain name, with {@code -ID} added before the
     * extension when two attachments of one download would otherwise share a name.
     */
    static Map<Attachment, Path> plan(List<Attachment> attachments, Path dir) {
        Map<Attachment, Path> targets = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (Attachment a : attachments) {
            String name = plain(a.filename(), a.id());
            if (!taken.add(name.toLowerCase(Locale.ROOT))) {
                int dot = name.lastIndexOf('.');
                name = dot > 0 ? name.substring(0, dot) + "-" + a.id() + name.substring(dot) : name + "-" + a.id();
                taken.add(name.toLowerCase(Locale.ROOT));
            }
            Path target = dir.resolve(name).normalize();
            if (!dir.equals(target.getParent())) {
                throw new IllegalStateException("refusing to write outside " + dir + ": " + target);
            }
            targets.put(a, target);
        }
        return targets;
    }

    private static String truncate(String name) {
        if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
            return name;
        }
        StringBuilder out = new StringBuilder();
        int bytes = 0;
        for (int cp : name.codePoints().toArray()) {
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > MAX_BYTES) {
                break;
            }
            out.appendCodePoint(cp);
            bytes += size;
        }
        return out.toString();
    }

    /**
     * Zero-width (non-)joiners are format characters that names need: emoji sequences (👩‍💻) and Persian or
     * Indic words are written with them; they reorder nothing.
     */
    private static boolean joiner(int c) {
        return c == 0x200C || c == 0x200D;
    }
}
