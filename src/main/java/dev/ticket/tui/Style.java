package dev.ticket.tui;

/** How a cell looks: colours and emphasis. */
public record Style(Tone fg, Tone bg, boolean bold, boolean reverse) {
    public static final Style PLAIN = new Style(Tone.DEFAULT, Tone.DEFAULT, false, false);
    public static final Style BOLD = PLAIN.bolded();
    public static final Style DIM = fg(Tone.GRAY);
    public static final Style REVERSE = new Style(Tone.DEFAULT, Tone.DEFAULT, false, true);

    public static Style fg(Tone tone) {
        return new Style(tone, Tone.DEFAULT, false, false);
    }

    public Style bolded() {
        return new Style(fg, bg, true, reverse);
    }

    public Style on(Tone background) {
        return new Style(fg, background, bold, reverse);
    }
}
