package dev.ticket.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.TerminalResizeListener;
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
 * The only part of the chat view that touches Lanterna's screen: keys (from a {@link KeyReader}), resizes,
 * answers to commands (run by a {@link CommandExecutor}) and live events all arrive on one queue; the loop
 * sleeps on it, runs {@link Update} for each message and paints the {@link Frame} only when the model changed.
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
        // after the screen's own listener, so the screen knows the new size when the view hears of it
        TerminalResizeListener resized = (t, size) -> inbox.add(new Msg.Resized(size.getColumns(), size.getRows()));
        terminal.addResizeListener(resized);
        try (CommandExecutor executor = new CommandExecutor(backend, inbox::add, new PathCompleter(workDir, home),
                workDir); AutoCloseable events = backend.events(new Listener(inbox));
             KeyReader keys = KeyReader.start(terminal, inbox::add)) {
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
            terminal.removeResizeListener(resized);
            screen.stopScreen();
        }
    }

    /**
     * The event loop: sleeps on the one queue that keys, resizes, answers and live events arrive on (or until
     * the clock's next tick), handles everything that has arrived, and paints once if the model changed.
     */
    private void loop(Screen screen, CommandExecutor executor) throws IOException, InterruptedException {
        Instant nextTick = clock.instant().plus(TICK);
        paint(screen, true);
        List<Msg> batch = new ArrayList<>();
        while (!model.quit()) {
            long wait = Math.max(0, Duration.between(clock.instant(), nextTick).toMillis());
            Msg first = inbox.poll(wait, TimeUnit.MILLISECONDS);
            batch.clear();
            if (first != null) {
                batch.add(first);
                inbox.drainTo(batch);
            }
            if (!clock.instant().isBefore(nextTick)) {
                nextTick = clock.instant().plus(TICK);
                batch.add(new Msg.Tick(clock.instant()));
            }
            boolean complete = screen.doResizeIfNecessary() != null;
            TuiModel before = model;
            for (Msg msg : batch) {
                apply(Update.update(model, msg), executor);
                if (model.quit()) {
                    return;
                }
            }
            if (complete || !model.equals(before)) {
                paint(screen, complete);
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
