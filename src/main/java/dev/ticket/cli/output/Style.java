package dev.ticket.cli.output;

/** ANSI colours that vanish when colour is off (no terminal, NO_COLOR, --no-color). */
public final class Style {
    private final boolean on;

    public Style(boolean on) {
        this.on = on;
    }

    boolean on() {
        return on;
    }

    String bold(String text) {
        return wrap("1", text);
    }

    String dim(String text) {
        return wrap("2", text);
    }

    String red(String text) {
        return wrap("31", text);
    }

    public String green(String text) {
        return wrap("32", text);
    }

    public String yellow(String text) {
        return wrap("33", text);
    }

    String cyan(String text) {
        return wrap("36", text);
    }

    private String wrap(String code, String text) {
        return on && !text.isEmpty() ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
