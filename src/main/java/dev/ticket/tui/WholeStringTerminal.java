package dev.ticket.tui;

import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;

/**
 * Lanterna's Unix terminal, writing each cell's text whole. Lanterna 3.1 writes a string one {@code char} at a
 * time, so the two UTF-16 halves of a character outside the Basic Multilingual Plane (😀, 👍, most emoji) were
 * encoded apart, and each became a '?' on the screen.
 */
public final class WholeStringTerminal extends UnixTerminal {
    public WholeStringTerminal(InputStream in, OutputStream out, Charset charset) throws IOException {
        super(in, out, charset, UnixLikeTerminal.CtrlCBehaviour.TRAP);
    }

    @Override
    public void putString(String text) throws IOException {
        writeToTerminal(encode(text, getCharset()));
    }

    @Override
    public void putCharacter(char c) throws IOException {
        putString(String.valueOf(c));
    }

    /** The text's bytes, control characters left out as Lanterna does (the view never draws any). */
    static byte[] encode(String text, Charset charset) {
        StringBuilder printable = new StringBuilder(text.length());
        text.codePoints().filter(cp -> !Character.isISOControl(cp)).forEach(printable::appendCodePoint);
        return printable.toString().getBytes(charset);
    }
}
