package dev.ticket.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.Terminal;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads the keyboard on a daemon thread that sleeps in the terminal's blocking {@code readInput} until a key
 * comes, so an idle view uses no CPU. Each key goes to the runner's queue as a {@link Msg.KeyPressed}; keys
 * that arrive in one burst are folded as a paste ({@link Paste}). When the input ends (EOF, or the terminal
 * fails) the view is told with {@link Msg.InputEnded}.
 */
final class KeyReader implements Runnable, AutoCloseable {
    private final Terminal terminal;
    private final Consumer<Msg> inbox;
    private final Thread thread;
    private volatile boolean closed;

    private KeyReader(Terminal terminal, Consumer<Msg> inbox) {
        this.terminal = terminal;
        this.inbox = inbox;
        this.thread = new Thread(this, "ticket-tui-keys");
        this.thread.setDaemon(true);
    }

    static KeyReader start(Terminal terminal, Consumer<Msg> inbox) {
        KeyReader reader = new KeyReader(terminal, inbox);
        reader.thread.start();
        return reader;
    }

    @Override
    public void run() {
        try {
            while (!closed) {
                KeyStroke first = terminal.readInput();
                List<KeyStroke> burst = new ArrayList<>();
                for (KeyStroke k = first; k != null; k = terminal.pollInput()) {
                    burst.add(k);
                }
                if (!post(burst)) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                inbox.accept(new Msg.InputEnded());
            }
        }
    }

    /** Posts a burst of keys; false when it holds the end of the input. */
    private boolean post(List<KeyStroke> burst) {
        List<Key> keys = new ArrayList<>(burst.size());
        boolean ended = false;
        for (KeyStroke stroke : burst) {
            if (stroke.getKeyType() == KeyType.EOF) {
                ended = true;
                break;
            }
            Key key = toKey(stroke);
            if (key != null) {
                keys.add(key);
            }
        }
        if (closed) {
            return false;
        }
        Paste.fold(keys).forEach(k -> inbox.accept(new Msg.KeyPressed(k)));
        if (ended) {
            inbox.accept(new Msg.InputEnded());
        }
        return !ended;
    }

    /** Lanterna's key stroke as a {@link Key}; null for keys the view ignores (mouse, cursor reports). */
    static Key toKey(KeyStroke k) {
        boolean alt = k.isAltDown();
        if (k.getKeyType() == KeyType.Character) {
            char c = k.getCharacter();
            if (k.isCtrlDown() && alt && (c == 'm' || c == 'j')) {
                return Key.altEnter();
            }
            return new Key(Key.Kind.CHAR, c, k.isCtrlDown(), alt);
        }
        Key.Kind kind = kindOf(k.getKeyType());
        return kind == null ? null : new Key(kind, '\0', k.isCtrlDown(), alt);
    }

    private static Key.Kind kindOf(KeyType type) {
        switch (type) {
            case Enter: return Key.Kind.ENTER;
            case Escape: return Key.Kind.ESCAPE;
            case Backspace: return Key.Kind.BACKSPACE;
            case Delete: return Key.Kind.DELETE;
            case Tab: return Key.Kind.TAB;
            case ReverseTab: return Key.Kind.BACK_TAB;
            case ArrowUp: return Key.Kind.UP;
            case ArrowDown: return Key.Kind.DOWN;
            case ArrowLeft: return Key.Kind.LEFT;
            case ArrowRight: return Key.Kind.RIGHT;
            case Home: return Key.Kind.HOME;
            case End: return Key.Kind.END;
            case PageUp: return Key.Kind.PAGE_UP;
            case PageDown: return Key.Kind.PAGE_DOWN;
            case F1: return Key.Kind.F1;
            case F5: return Key.Kind.F5;
            case MouseEvent:
            case CursorLocation:
                return null;
            default: return Key.Kind.OTHER;
        }
    }

    /**
     * Stops posting keys. A thread blocked in a stream's read cannot be woken; it is a daemon and posts nothing
     * more, and the process ends with the view.
     */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
