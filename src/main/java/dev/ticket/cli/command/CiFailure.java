package dev.ticket.cli.command;

import dev.ticket.cli.Io;
import dev.ticket.cli.UsageException;
import dev.ticket.cli.ci.CiDetector;
import dev.ticket.cli.ci.CiEnvironment;
import dev.ticket.cli.ci.CiLog;
import dev.ticket.cli.ci.CiReport;
import dev.ticket.cli.ci.Redactor;
import dev.ticket.client.ClientJson;
import dev.ticket.model.ByteSizes;
import dev.ticket.model.Limits;
import dev.ticket.model.NewTicket;
import dev.ticket.model.TicketType;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Turns {@code ticket new --from-ci} into the ticket to send: everything the CI environment and the log say,
 * redacted, with the fingerprint as dedupe key and an idempotency key that a re-run of the same step repeats.
 */
record CiFailure(Io io, CiOptions options) {
    /** Variables naming one CI run (not one attempt): a re-run of a step in the same run keeps them. */
    private static final List<String> RUN_IDS = List.of("GITHUB_RUN_ID", "CI_PIPELINE_ID", "BUILD_TAG",
            "BUILDKITE_BUILD_ID", "CIRCLE_WORKFLOW_ID", "DRONE_BUILD_NUMBER", "TRAVIS_BUILD_ID", "CI_BUILD_ID",
            "BUILD_ID");

    /** The name the redacted log is attached under. */
    static final String LOG_NAME = "ci-log.txt";

    /** The ticket to open, the idempotency key to open it with, and the redacted log to attach (or null). */
    record Prepared(NewTicket ticket, String idempotencyKey, Path log) {
        /** Deletes the redacted copy of the log (and its folder). */
        void cleanUp() {
            if (log != null) {
                try {
                    Files.deleteIfExists(log);
                    Files.deleteIfExists(log.getParent());
                } catch (IOException e) {
                    // a temp file left behind is harmless
                }
            }
        }
    }

    /**
     * Completes {@code given} (the user's -t, note, --type, --about, --dialog, --ref, -l, --dedupe-key; title and
     * body may be null) into the CI ticket. The redacted log is attached when {@code limits} (null: unknown) allow
     * one more file of its size beside {@code otherFiles}. Exit 2 when there is no CI or the log cannot be read.
     */
    Prepared prepare(NewTicket given, Limits limits, int otherFiles) {
        CiEnvironment env = CiDetector.detect(io.env()).orElseThrow(() -> new UsageException(
                "--from-ci found no CI here (no GitHub Actions, GitLab CI or Jenkins variables, and CI is not "
                        + "true); set CI=true to report from another CI"));
        Redactor redactor = Redactor.forEnvironment(env);
        Path copy = options.log == null ? null : tempCopy();
        CiLog log = readLog(redactor, copy);
        if (copy != null && !fits(copy, limits, otherFiles)) {
            new Prepared(null, null, copy).cleanUp();
            io.err().println("ticket: the log is too large to attach (the service's limit is "
                    + ByteSizes.human(limits.maxFileBytes()) + "); the message quotes its last lines only");
            copy = null;
        }
        String fingerprint = options.fingerprint != null ? options.fingerprint : given.dedupeKey();
        String note = given.body() == null ? "" : redactor.redact(given.body()).strip() + "\n\n";
        CiReport report = CiReport.build(env, log, given.title(), fingerprint, copy != null);
        while (limits != null && note.length() + report.body().length() > limits.maxBodyChars()
                && !log.tail().isEmpty()) {
            int size = log.tail().size();
            log = new CiLog(log.tail().subList(size - size / 2, size), log.firstErrorLine(), log.lineCount());
            report = CiReport.build(env, log, given.title(), fingerprint, copy != null);
        }
        String body = note + report.body();
        List<String> labels = new ArrayList<>(report.labels());
        if (given.labels() != null) {
            given.labels().stream().filter(l -> !labels.contains(l)).forEach(labels::add);
        }
        NewTicket ticket = new NewTicket(report.title(), body, given.type() == null ? TicketType.QUESTION
                : given.type(), redactor.redact(given.about()), redactor.redact(given.dialogUrl()), given.refs(),
                List.copyOf(labels), report.fingerprint());
        return new Prepared(ticket, idempotencyKey(report.fingerprint(), ticket, copy), copy);
    }

    private static boolean fits(Path copy, Limits limits, int otherFiles) {
        try {
            return limits == null || otherFiles < limits.maxFilesPerMessage() && Files.size(copy) > 0
                    && Files.size(copy) <= limits.maxFileBytes();
        } catch (IOException e) {
            return false;
        }
    }

    private static Path tempCopy() {
        try {
            return Files.createTempDirectory("ticket-ci-").resolve(LOG_NAME);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CiLog readLog(Redactor redactor, Path copy) {
        if (options.log == null) {
            return CiLog.NONE;
        }
        int tail = options.tail == null ? CiReport.DEFAULT_TAIL : options.tail;
        try (Reader in = open(options.log);
             Writer out = Files.newBufferedWriter(copy, StandardCharsets.UTF_8)) {
            return CiLog.scan(in, out, redactor, tail);
        } catch (NoSuchFileException e) {
            throw new UsageException("cannot read the log " + options.log + ": no such file", e);
        } catch (IOException e) {
            throw new UsageException("cannot read the log " + options.log + ": " + e.getMessage(), e);
        }
    }

    private Reader open(String name) throws IOException {
        if ("-".equals(name)) {
            return new InputStreamReader(io.in(), StandardCharsets.UTF_8);
        }
        Path path = Path.of(name);
        if (Files.isDirectory(path)) {
            throw new IOException("it is a directory");
        }
        // Not Files.newBufferedReader: a log with a stray non-UTF-8 byte must still be read (as U+FFFD).
        return new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8);
    }

    /**
     * The same run, fingerprint and report give the same key, so retries and re-runs of the step return the first
     * answer instead of adding a message; a different run (or a different report) gets its own key.
     */
    private String idempotencyKey(String fingerprint, NewTicket ticket, Path log) {
        Map<String, String> env = io.env();
        String run = RUN_IDS.stream().map(env::get).filter(v -> v != null && !v.isBlank()).findFirst().orElse("");
        String repository = String.valueOf(env.getOrDefault("GITHUB_REPOSITORY",
                env.getOrDefault("CI_PROJECT_PATH", env.getOrDefault("JOB_NAME", ""))));
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : List.of(repository, run, fingerprint)) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            sha.update(ClientJson.write(ticket)); // the mapper's bytes (ClientJsonTest), so keys stay as they were
            if (log != null) {
                try (var in = Files.newInputStream(log)) {
                    byte[] buffer = new byte[65536];
                    for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                        sha.update(buffer, 0, n);
                    }
                }
            }
            return "ci-" + HexFormat.of().formatHex(sha.digest(), 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime.", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
