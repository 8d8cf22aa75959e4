package dev.ticket.server;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** RFC 6266 {@code Content-Disposition: attachment} with an ASCII fallback and a UTF-8 {@code filename*}. */
final class ContentDisposition {
    private ContentDisposition() {
    }

    /** RFC 5987 {@code attr-char} has no {@code *}, which URLEncoder leaves as is. */
    static String attachment(String filename) {
        StringBuilder ascii = new StringBuilder();
        for (char c : filename.toCharArray()) {
            // RFC 6266 4.3: the fallback avoids '%' (some agents decode it) and what ends or escapes the quotes
            ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '/' && c != ';' && c != '%' ? c : '_');
        }
        String encoded = URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
