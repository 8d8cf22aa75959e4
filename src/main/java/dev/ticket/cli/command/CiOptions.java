package dev.ticket.cli.command;

import dev.ticket.cli.UsageException;
import picocli.CommandLine.Option;

/** The options of {@code ticket new} that report a failed CI job: {@code --from-ci}, {@code --log}, {@code --tail}. */
public class CiOptions {
    @Option(names = "--from-ci", description = "Report the failed CI job this runs in (GitHub Actions, GitLab CI, "
            + "Jenkins, or any CI with CI=true): default title, a message with run URL, commit, branch, job and the "
            + "log's last lines, label 'ci', a fingerprint as dedupe key. Secrets are redacted before anything is "
            + "sent; never prompts.")
    boolean fromCi;

    @Option(names = "--log", paramLabel = "FILE",
            description = "With --from-ci: the job's log ('-' for standard input), redacted; its last lines go "
                    + "into the message and its first error line into the fingerprint.")
    String log;

    @Option(names = "--tail", paramLabel = "N",
            description = "With --from-ci: how many last lines of the log to quote (default 50).")
    Integer tail;

    @Option(names = "--fingerprint", paramLabel = "TEXT",
            description = "With --from-ci: group failures by this text instead of the job and its first error line.")
    String fingerprint;

    /** Refuses the CI-only options without {@code --from-ci}, and a negative {@code --tail}. */
    void check() {
        if (!fromCi && (log != null || tail != null || fingerprint != null)) {
            throw new UsageException("--log, --tail and --fingerprint go with --from-ci");
        }
        if (tail != null && tail < 0) {
            throw new UsageException("--tail must be 0 or more, not " + tail);
        }
    }
}
