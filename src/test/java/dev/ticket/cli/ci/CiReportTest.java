package dev.ticket.cli.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticket.cli.ci.PlantedSecrets.Planted;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CiReportTest {

    /** A failing GitLab job whose log carries every planted secret plus the job's own secret values. */
    @Test
    void no_planted_secret_survives_in_title_body_or_attached_log() throws IOException {
        CiEnvironment env = CiDetector.detect(CiDetectorTest.GITLAB_MERGE_REQUEST).orElseThrow();
        List<String> lines = new ArrayList<>();
        lines.add("$ git clone https://gitlab-ci-token:64_gDfXk9QmZtR2wY7@gitlab.example.com/acme/shop.git");
        lines.add("-----BEGIN RSA PRIVATE KEY-----");
        lines.add(PlantedSecrets.KEY_BODY_1);
        lines.add("-----END RSA PRIVATE KEY-----");
        lines.add("ERROR: deploy with " + PlantedSecrets.KNOWN_VALUE + " failed, token " + PlantedSecrets.GITLAB_PAT);
        PlantedSecrets.ALL.forEach(p -> lines.add(p.line()));
        StringWriter attachment = new StringWriter();
        CiLog log = CiLog.scan(new StringReader(String.join("\n", lines) + "\n"), attachment,
                Redactor.forEnvironment(env), CiReport.DEFAULT_TAIL);

        CiReport report = CiReport.build(env, log, "Deploy broke with " + PlantedSecrets.GITHUB_PAT, null);

        List<String> secrets = new ArrayList<>(PlantedSecrets.ALL.stream().map(Planted::secret).toList());
        secrets.addAll(env.secrets());
        secrets.addAll(List.of(PlantedSecrets.KEY_BODY_1, PlantedSecrets.GITHUB_PAT));
        for (String secret : secrets) {
            assertFalse(report.title().contains(secret), () -> "title leaks " + secret);
            assertFalse(report.body().contains(secret), () -> "body leaks " + secret);
            assertFalse(report.fingerprint().contains(secret), () -> "fingerprint leaks " + secret);
            assertFalse(attachment.toString().contains(secret), () -> "log leaks " + secret);
        }
        assertEquals("Deploy broke with [redacted]", report.title());
        assertEquals("ERROR: deploy with [redacted] failed, token [redacted]", log.firstErrorLine());
        assertTrue(report.body().contains("$ git clone https://[redacted]@gitlab.example.com/acme/shop.git\n"));
    }

    @Test
    void report_names_the_run_and_quotes_the_end_of_the_log() throws IOException {
        CiEnvironment env = CiDetector.detect(CiDetectorTest.GITHUB_PULL_REQUEST).orElseThrow();
        String text = "Run mvn -B verify\n[ERROR] Tests run: 3, Failures: 1\n[ERROR] BUILD FAILURE\n";
        CiLog log = CiLog.scan(new StringReader(text), new StringWriter(), Redactor.forEnvironment(env), 2);

        CiReport report = CiReport.build(env, log, null, null);

        assertEquals("CI failure: CI / test on feature/login", report.title());
        assertEquals(List.of("ci"), report.labels());
        assertEquals("""
                The GitHub Actions job "CI / test" failed.

                Run: https://github.com/acme/shop/actions/runs/8123456789
                Repository: acme/shop
                Branch: feature/login
                Commit: 4fd153c0a1b2c3d4e5f60718293a4b5c6d7e8f90
                Job: CI / test
                First error: [ERROR] Tests run: 3, Failures: 1
                Fingerprint: %s

                Last 2 lines of the log (3 in all; the full log is attached):
                ```
                [ERROR] Tests run: 3, Failures: 1
                [ERROR] BUILD FAILURE
                ```
                """.formatted(report.fingerprint()), report.body());
    }

    @Test
    void the_tail_holds_the_last_fifty_lines_by_default() throws IOException {
        String text = IntStream.rangeClosed(1, 120).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));
        CiLog log = CiLog.scan(new StringReader(text), new StringWriter(), new Redactor(Set.of()),
                CiReport.DEFAULT_TAIL);
        assertEquals(50, log.tail().size());
        assertEquals("line 71", log.tail().get(0));
        assertEquals("line 120", log.tail().get(49));
        assertEquals(120, log.lineCount());
    }

    @Test
    void without_a_log_the_report_has_no_log_section_and_groups_by_job() {
        CiEnvironment env = CiDetector.detect(CiDetectorTest.BARE_CI).orElseThrow();
        CiReport report = CiReport.build(env, CiLog.NONE, " ", null);
        assertEquals("CI failure: ci", report.title());
        assertEquals("The CI job \"ci\" failed.\n\nJob: ci\nFingerprint: " + report.fingerprint() + "\n",
                report.body());
        assertEquals(Fingerprint.ofErrorLine("ci", null), report.fingerprint());
    }

    @Test
    void a_given_fingerprint_replaces_the_computed_one() {
        CiEnvironment env = CiDetector.detect(CiDetectorTest.BARE_CI).orElseThrow();
        assertEquals("nightly-db-migrations", CiReport.build(env, CiLog.NONE, null, " nightly-db-migrations ")
                .fingerprint());
    }

    @Test
    void credentials_in_the_repository_url_are_redacted_in_the_body() {
        Map<String, String> jenkins = CiDetectorTest.with(CiDetectorTest.JENKINS_FREESTYLE,
                "GIT_URL", "https://builder:Bu1ld3rPass@git.example.com/acme/shop.git");
        CiReport report = CiReport.build(CiDetector.detect(jenkins).orElseThrow(), CiLog.NONE, null, null);
        assertFalse(report.body().contains("Bu1ld3rPass"), report.body());
        assertTrue(report.body().contains("Repository: https://[redacted]@git.example.com/acme/shop.git\n"));
    }

    @Test
    void a_log_containing_a_code_fence_cannot_close_the_quote_early() throws IOException {
        CiLog log = CiLog.scan(new StringReader("```\nboom\n"), new StringWriter(), new Redactor(Set.of()), 5);
        String body = CiReport.build(CiDetector.detect(CiDetectorTest.BARE_CI).orElseThrow(), log, null, null).body();
        assertTrue(body.contains("\n````\n```\nboom\n````\n"), body);
    }

    @Test
    void progress_bars_show_their_last_state_in_the_message() throws IOException {
        CiLog log = CiLog.scan(new StringReader("Downloading 10%\rDownloading 55%\rDownloading 100%\r\ndone\n"),
                new StringWriter(), new Redactor(Set.of()), 5);
        assertEquals(List.of("Downloading 100%", "done"), log.tail());
    }
}
