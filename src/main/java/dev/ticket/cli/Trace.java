package dev.ticket.cli;

public final class Trace {
    private static final boolean ON = System.getProperty("ticket.trace") != null;
    private static long t0;
    private Trace() {
    }
    public static void mark(String what) {
        if (!ON) {
            return;
        }
        long now = System.nanoTime();
        if (t0 == 0) {
            t0 = now;
        }
        System.err.printf("TRACE %7.2f %s [%s]%n", (now - t0) / 1e6, what, Thread.currentThread().getName());
    }
}
