package dev.ticket.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Lanterna's virtual terminal whose {@code readInput} blocks as a real terminal's does, without holding the
 * terminal's lock: Lanterna 3.1's own waits for a key inside a {@code synchronized} method, so while the view's
 * key reader waits, nothing could be drawn on it (or read off it by a test).
 */
final class HeadlessTerminal extends DefaultVirtualTerminal {
    private final BlockingQueue<KeyStroke> keys = new LinkedBlockingQueue<>();

    HeadlessTerminal(TerminalSize size) {
        super(size);
    }

    @Override
    public void addInput(KeyStroke key) {
        keys.add(key);
    }

    @Override
    public KeyStroke pollInput() {
        return keys.poll();
    }

    @Override
    public KeyStroke readInput() {
        try {
            return keys.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new KeyStroke(KeyType.EOF);
        }
    }

    /** What the terminal shows, one line per row; a wide character is one string in two cells. */
    String screen() {
        TerminalSize size = getTerminalSize();
        StringBuilder out = new StringBuilder();
        for (int y = 0; y < size.getRows(); y++) {
            for (int x = 0; x < size.getColumns(); x++) {
                TextCharacter c = getCharacter(x, y);
                out.append(c.getCharacterString());
                if (c.isDoubleWidth()) {
                    x++;
                }
            }
            out.append('\n');
        }
        return out.toString();
    }
}
