package dev.ticket.cli.ci;

import java.util.List;

/**
 * The ticket to open for a CI failure: title, message body, labels and the fingerprint used as dedupe key.
 * Everything in it has passed through the {@link Redactor}.
 */
public record CiReport(String title, String body, List<String> labels, String fingerprint) {
    /** Log lines quoted in the message unless {@code --tail} says otherwise. */
    public static final int DEFAULT_TAIL = 50;
    /** The label every CI ticket carries. */
    public static final String LABEL = "ci";
    private static final int MAX_TITLE = 200;

    public CiReport {
        labels = List.copyOf(labels);
    }

    /**
     * Builds the report for a failure in {@code env}. {@code title} and {@code fingerprint} override the defaults
     * when not blank ({@code -t}, {@code --fingerprint}); {@code log} is {@link CiLog#NONE} without {@code --log}.
     */
    public static CiReport build(CiEnvironment env, CiLog log, String title, String fingerprint) {
        return build(env, log, title, fingerprint, true);
    }

    /** As {@link #build(CiEnvironment, CiLog, String, String)}; {@code logAttached} says whether the full log goes along. */
    public static CiReport build(CiEnvironment env, CiLog log, String title, String fingerprint,
                                 boolean logAttached) {
        Redactor redactor = Redactor.forEnvironment(env);
        String finalTitle = oneLine(redactor.redact(isBlank(title) ? defaultTitle(env) : title));
        String finalFingerprint = isBlank(fingerprint)
                ? Fingerprint.ofErrorLine(env.job(), log.firstErrorLine())
                : oneLine(redactor.redact(fingerprint));
        String body = redactor.redact(body(env, log, finalFingerprint, logAttached));
        return new CiReport(finalTitle, body, List.of(LABEL), finalFingerprint);
    }

    /** "CI failure: JOB on BRANCH" (without " on BRANCH" when the branch is unknown). */
    public static String defaultTitle(CiEnvironment env) {
        return "CI failure: " + env.job() + (isBlank(env.branch()) ? "" : " on " + env.branch());
    }

    private static String body(CiEnvironment env, CiLog log, String fingerprint, boolean logAttached) {
        StringBuilder b = new StringBuilder();
        b.append("The ").append(env.provider().displayName()).append(" job \"").append(env.job())
                .append("\" failed.\n\n");
        field(b, "Run", env.runUrl());
        field(b, "Repository", env.repository());
        field(b, "Branch", env.branch());
        field(b, "Commit", env.commit());
        field(b, "Job", env.job());
        field(b, "First error", log.firstErrorLine());
        field(b, "Fingerprint", fingerprint);
        if (!log.tail().isEmpty()) {
            String fence = fenceFor(log.tail());
            b.append("\nLast ").append(log.tail().size()).append(log.tail().size() == 1 ? " line" : " lines")
                    .append(" of the log (").append(log.lineCount())
                    .append(logAttached ? " in all; the full log is attached):\n" : " in all):\n")
                    .append(fence).append('\n');
            log.tail().forEach(line -> b.append(line).append('\n'));
            b.append(fence).append('\n');
        }
        return b.toString();
    }

    private static void field(StringBuilder b, String name, String value) {
        if (!isBlank(value)) {
            b.append(name).append(": ").append(value.strip()).append('\n');
        }
    }

    /** A Markdown fence longer than any backtick run in the log, so the log cannot close it early. */
    private static String fenceFor(List<String> lines) {
        String fence = "```";
        while (true) {
            String current = fence;
            if (lines.stream().noneMatch(line -> line.contains(current))) {
                return fence;
            }
            fence += "`";
        }
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > MAX_TITLE ? line.substring(0, MAX_TITLE - 1) + "…" : line;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
