package dev.ticket.cli.output;

import dev.ticket.cli.Io;
import dev.ticket.client.TransferProgress;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on standard error, for people at a terminal only: never in scripts, JSON or quiet runs. */
public final class TerminalProgress implements TransferProgress {
    private static final int MIB = 1024 * 1024;

    private final Io io;
    private final String task;
    private ProgressBar bar;

    private TerminalProgress(Io io, String task) {
        this.io = io;
        this.task = task;
    }

    /** A bar labelled {@code task} when output is for people at a terminal, else {@link TransferProgress#NONE}. */
    public static TransferProgress forTask(Io io, Output out, String task) {
        return io.isTty() && out.human() ? new TerminalProgress(io, task) : TransferProgress.NONE;
    }

    @Override
    public synchronized void start(String label, long totalBytes) {
        finish();
        bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(totalBytes < 0 ? -1 : totalBytes) // -1: indefinite (a pipe)
                .setUnit("MiB", MIB).showSpeed().setUpdateIntervalMillis(200)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(io.err(), Math.max(40, io.columns().getAsInt() - 1)))
                .build();
    }

    @Override
    public synchronized void advance(long bytes) {
        if (bar != null) {
            bar.stepBy(bytes);
        }
    }

    @Override
    public synchronized void finish() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
