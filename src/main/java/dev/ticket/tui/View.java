package dev.ticket.tui;

/** Draws a {@link TuiModel} as a {@link Frame} at the model's size. Pure: same model, same frame. */
public final class View {
    private static final Style BAR = new Style(Tone.WHITE, Tone.BLUE, false, false);

    private View() {
    }

    public static Frame render(TuiModel m) {
        Frame f = new Frame(m.cols(), m.rows());
        Layout lay = Layout.of(m);
        if (lay.tooSmall()) {
            String text = "Make the terminal at least " + Layout.MIN_COLS + "×" + Layout.MIN_ROWS
                    + " (now " + m.cols() + "×" + m.rows() + ").";
            int y = 0;
            for (String line : Text.wrap(text, Math.max(1, m.cols()))) {
                f.put(0, y++, line, Style.BOLD);
            }
            return f;
        }
        titleBar(f, m);
        for (int y = lay.bodyTop(); y < lay.bodyBottom(); y++) {
            f.put(lay.listWidth(), y, "│", Style.DIM);
        }
        ListPane.draw(f, m, lay);
        ChatPane.draw(f, m, lay);
        InputPane.draw(f, m, lay);
        statusLine(f, m, lay);
        Dialogs.draw(f, m);
        return f;
    }

    private static void titleBar(Frame f, TuiModel m) {
        f.fill(0, 0, m.cols(), 1, BAR);
        int x = f.put(1, 0, "ticket", BAR.bolded());
        if (m.me() != null) {
            String who = "  " + Text.clean(m.me().name()) + " · " + m.me().role().wire()
                    + (m.me().account() == null || m.team() ? "" : " · " + Text.clean(m.me().account()));
            x = f.put(x, 0, who, BAR);
        }
        String state = m.online() ? "● live" : "○ offline, reconnecting…";
        String right = state + "   ? help ";
        int rightX = m.cols() - Text.width(right);
        if (rightX > x) {
            Style stateStyle = new Style(m.online() ? Tone.GREEN : Tone.RED, Tone.BLUE, true, false);
            int after = f.put(rightX, 0, state, stateStyle);
            f.put(after, 0, "   ? help ", BAR);
        }
    }

    private static void statusLine(Frame f, TuiModel m, Layout lay) {
        int y = lay.rows() - 1;
        if (m.notice() != null) {
            Style style = m.notice().error() ? Style.fg(Tone.RED).bolded() : Style.fg(Tone.CYAN);
            f.put(1, y, Text.fit(Text.clean(m.notice().text()), m.cols() - 2), style);
            return;
        }
        f.put(1, y, Text.fit(hints(m), m.cols() - 2), Style.DIM);
    }

    /** The keys that matter where the focus is. */
    static String hints(TuiModel m) {
        if (m.list().searching()) {
            return "Type to search titles · Enter keep · Esc clear";
        }
        switch (m.focus()) {
            case CHAT:
                return "↑↓ attachment · PgUp PgDn scroll · d download · a attach · c close · ? help";
            case INPUT:
                return m.chat().isDone() ? "n new ticket referring to this one · Esc back · Tab focus"
                        : "Enter send · Alt+Enter new line · Esc back · Tab focus";
            default:
                return "↑↓ select · Enter write · / search · f filter · n new · ? help · q quit";
        }
    }
}
