package dev.ticket.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.Terminal;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The only part of the chat view that touches Lanterna: it reads keys and resizes, runs the
 * update loop, performs commands through a {@link CommandExecutor}, and paints each {@link Frame}.
 */
public final class TuiRunner {
    private static final Duration TICK = Duration.ofSeconds(30);

    private final Terminal terminal;
    private final TuiBackend backend;
    private final Clock clock;
    private final Path workDir;
    private final Path home;
    private final BlockingQueue<Msg> inbox = new LinkedBlockingQueue<>();
    private TuiModel model;

    public TuiRunner(Terminal terminal, TuiBackend backend, Clock clock, Path workDir, Path home) {
        this.terminal = terminal;
        this.backend = backend;
        this.clock = clock;
        this.workDir = workDir;
        this.home = home;
    }

    /** Runs until the user quits; {@code openTicket} (or null) is shown first. Restores the terminal. */
    public void run(Long openTicket) throws IOException {
        Screen screen = new TerminalScreen(terminal);
        screen.startScreen();
        try (CommandExecutor executor = new CommandExecutor(backend, inbox::add, new PathCompleter(workDir, home),
                workDir); AutoCloseable events = backend.events(new Listener(inbox))) {
            TerminalSize size = screen.getTerminalSize();
            model = TuiModel.initial(size.getColumns(), size.getRows(), clock.instant(), clock.getZone());
            apply(Update.init(model, openTicket), executor);
            loop(screen, executor);
        } catch (Exception e) {
            if (e instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getMessage(), e);
        } finally {
            screen.stopScreen();
        }
    }

    private void loop(Screen screen, CommandExecutor executor) throws IOException, InterruptedException {
        Instant nextTick = clock.instant().plus(TICK);
        paint(screen, true);
        while (!model.quit()) {
            List<Key> keys = new ArrayList<>();
            KeyStroke stroke;
            while ((stroke = screen.pollInput()) != null) {
                if (stroke.getKeyType() == KeyType.EOF) {
                    return;
                }
                Key key = toKey(stroke);
                if (key != null) {
                    keys.add(key);
                }
            }
            List<Msg> batch = new ArrayList<>();
            Paste.fold(keys).forEach(k -> batch.add(new Msg.KeyPressed(k)));
            inbox.drainTo(batch);
            TerminalSize resized = screen.doResizeIfNecessary();
            if (resized != null) {
                batch.add(new Msg.Resized(resized.getColumns(), resized.getRows()));
            }
            if (clock.instant().isAfter(nextTick)) {
                nextTick = clock.instant().plus(TICK);
                batch.add(new Msg.Tick(clock.instant()));
            }
            if (batch.isEmpty()) {
                Msg next = inbox.poll(25, TimeUnit.MILLISECONDS);
                if (next != null) {
                    batch.add(next);
                }
            }
            for (Msg msg : batch) {
                apply(Update.update(model, msg), executor);
            }
            if (!batch.isEmpty()) {
                paint(screen, resized != null);
            }
        }
    }

    private void apply(Step step, CommandExecutor executor) {
        model = step.model();
        executor.submit(step.commands());
    }

    private void paint(Screen screen, boolean complete) throws IOException {
        Frame frame = View.render(model);
        TerminalSize size = screen.getTerminalSize();
        int cols = Math.min(size.getColumns(), frame.cols());
        int rows = Math.min(size.getRows(), frame.rows());
        screen.clear();
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                Frame.Cell cell = frame.cell(x, y);
                if (!cell.text().isEmpty()) {
                    screen.setCharacter(x, y, toCharacter(cell));
                }
            }
        }
        screen.setCursorPosition(frame.hasCursor() ? new TerminalPosition(frame.cursorX(), frame.cursorY()) : null);
        screen.refresh(complete ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
    }

    private static TextCharacter toCharacter(Frame.Cell cell) {
        Style s = cell.style();
        EnumSet<SGR> sgr = EnumSet.noneOf(SGR.class);
        if (s.bold()) {
            sgr.add(SGR.BOLD);
        }
        if (s.reverse()) {
            sgr.add(SGR.REVERSE);
        }
        TextCharacter[] chars = TextCharacter.fromString(cell.text(), color(s.fg()), color(s.bg()), sgr);
        return chars.length == 0 ? TextCharacter.DEFAULT_CHARACTER : chars[0];
    }

    private static TextColor color(Tone tone) {
        switch (tone) {
            case BLACK: return TextColor.ANSI.BLACK;
            case RED: return TextColor.ANSI.RED;
            case GREEN: return TextColor.ANSI.GREEN;
            case YELLOW: return TextColor.ANSI.YELLOW;
            case BLUE: return TextColor.ANSI.BLUE;
            case MAGENTA: return TextColor.ANSI.MAGENTA;
            case CYAN: return TextColor.ANSI.CYAN;
            case WHITE: return TextColor.ANSI.WHITE;
            case GRAY: return TextColor.ANSI.BLACK_BRIGHT;
            default: return TextColor.ANSI.DEFAULT;
        }
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

    /** Live events into the inbox, as messages. */
    private record Listener(BlockingQueue<Msg> inbox) implements TuiBackend.EventListener {
        @Override
        public void onEvent(dev.ticket.model.Event event) {
            inbox.add(new Msg.LiveEvent(event));
        }

        @Override
        public void onConnection(boolean up, String detail) {
            inbox.add(new Msg.Connection(up, detail));
        }
    }
}
