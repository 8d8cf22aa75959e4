package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticket.model.Json;
import dev.ticket.model.Role;
import dev.ticket.model.User;
import dev.ticket.testing.ApiClient;
import dev.ticket.testing.TestService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code ticket new --from-ci} against a real service, in environments recorded from GitHub Actions and GitLab. */
class NewFromCiTest {
    static final String SHA = "4fd153c0a1b2c3d4e5f60718293a4b5c6d7e8f90";
    static final String GITHUB_TOKEN = "ghp_" + "R2d2C3po".repeat(4) + "BB8x";
    static final String URL_PASSWORD = "S3cr3t-Pa55w0rd";
    static final String BEARER = "eyJraWQiOiJ4In0.dGhpcyBpcyBzZWNyZXQ.c2lnbmF0dXJlMTIz";
    static final String DB_PASSWORD = "hunter2-correct-horse";
    static final String KNOWN_VALUE = "Tr0ub4dor&3xyz";
    static final List<String> SECRETS = List.of(GITHUB_TOKEN, URL_PASSWORD, BEARER, DB_PASSWORD, KNOWN_VALUE);

    static final Map<String, String> GITHUB = Map.of("CI", "true", "GITHUB_ACTIONS", "true",
            "GITHUB_WORKFLOW", "CI", "GITHUB_JOB", "test", "GITHUB_REF_NAME", "main", "GITHUB_SHA", SHA,
            "GITHUB_REPOSITORY", "acme/shop", "GITHUB_RUN_ID", "8123456789", "GITHUB_SERVER_URL",
            "https://github.com", "DEPLOY_SECRET", KNOWN_VALUE);
    static final Map<String, String> GITLAB = Map.of("CI", "true", "GITLAB_CI", "true", "CI_JOB_NAME", "unit tests",
            "CI_PROJECT_PATH", "acme/shop", "CI_COMMIT_BRANCH", "main", "CI_COMMIT_SHA", SHA,
            "CI_JOB_URL", "https://gitlab.example.com/acme/shop/-/jobs/4711", "CI_PIPELINE_ID", "900",
            "CI_JOB_TOKEN", "64_gDfXk9QmZtR2wY7");

    @RegisterExtension
    static final TestService service = TestService.perClass();

    @TempDir
    Path dir;

    /** A customer of a fresh account, its CLI inside the given CI job, and its API client. */
    record Job(CliHarness cli, ApiClient api) {
        /** Numbers each job's bot: a name names one user. */
        static final java.util.concurrent.atomic.AtomicInteger JOBS = new java.util.concurrent.atomic.AtomicInteger();

        static Job in(Map<String, String> env, String account) {
            User user = service.addUser("CI bot " + JOBS.incrementAndGet(), Role.CUSTOMER, account);
            CliHarness cli = new CliHarness(service.url()).token(user.token());
            env.forEach(cli::env);
            return new Job(cli, new ApiClient(service.url(), user.token()));
        }

        JsonNode ticket(String id) {
            return api.get("/tickets/" + id.strip()).expect(200).json();
        }

        List<String> ids() {
            return cli.ok("list", "-q").lines().toList();
        }
    }

    private Path log(String name, String... lines) throws Exception {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }

    private Path failingLog(int seconds) throws Exception {
        return log("build.log", "[INFO] Building shop 1.0", "[INFO] Tests run: 120, Failures: 0",
                "[ERROR] OrderTest.totals:" + (40 + seconds) + " expected 12 but was 13 after " + seconds + " ms",
                "[ERROR] BUILD FAILURE");
    }

    @Test
    void a_github_actions_failure_opens_a_ci_ticket_with_run_commit_branch_and_log_tail() throws Exception {
        Job job = Job.in(GITHUB, "ci-github");
        CliHarness.Result r = job.cli().run("new", "--from-ci", "--log", failingLog(3).toString(), "--tail", "2");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().startsWith("Opened ticket #"), r.out());
        JsonNode ticket = job.ticket(job.ids().get(0));
        assertEquals("CI failure: CI / test on main", ticket.get("title").asText());
        assertEquals("question", ticket.get("type").asText());
        assertEquals("ci", ticket.get("labels").get(0).asText());
        String body = ticket.get("messages").get(0).get("body").asText();
        assertTrue(body.contains("https://github.com/acme/shop/actions/runs/8123456789"), body);
        assertTrue(body.contains("Commit: " + SHA) && body.contains("Branch: main"), body);
        assertTrue(body.contains("[ERROR] BUILD FAILURE") && !body.contains("Building shop"), body);
        assertTrue(body.contains("(4 in all; the full log is attached)"), body);
        assertEquals("ci-log.txt", ticket.get("messages").get(0).get("attachments").get(0).get("filename").asText());
    }

    @Test
    void a_gitlab_failure_reads_the_log_from_standard_input_and_keeps_the_given_title_and_type() throws Exception {
        Job job = Job.in(GITLAB, "ci-gitlab");
        job.cli().stdin("compiling\nerror: cannot find symbol Order\n");
        String id = job.cli().ok("new", "--from-ci", "--log", "-", "-t", "Shop build broken", "--type", "critical",
                "-q").strip();
        JsonNode ticket = job.ticket(id);
        assertEquals("Shop build broken", ticket.get("title").asText());
        assertEquals("critical", ticket.get("type").asText());
        String body = ticket.get("messages").get(0).get("body").asText();
        assertTrue(body.contains("The GitLab CI job \"unit tests\" failed."), body);
        assertTrue(body.contains("https://gitlab.example.com/acme/shop/-/jobs/4711"), body);
        assertTrue(body.contains("First error: error: cannot find symbol Order"), body);
    }

    @Test
    void no_planted_secret_reaches_the_service() throws Exception {
        Job job = Job.in(GITHUB, "ci-secrets");
        Path log = log("secrets.log", "git push https://" + GITHUB_TOKEN + "@github.com/acme/shop",
                "pulling https://deploy:" + URL_PASSWORD + "@registry.example.com/shop:1",
                "> Authorization: Bearer " + BEARER, "DATABASE_PASSWORD=" + DB_PASSWORD,
                "connecting with " + KNOWN_VALUE, "Error: deploy failed with " + GITHUB_TOKEN);
        String id = job.cli().ok("new", "--from-ci", "--log", log.toString(), "-t", "Deploy broke with " + KNOWN_VALUE,
                "-m", "token " + GITHUB_TOKEN, "-q").strip();
        JsonNode attachment = job.ticket(id).get("messages").get(0).get("attachments").get(0);
        assertEquals("ci-log.txt", attachment.get("filename").asText());
        String attached = new String(job.api().get("/attachments/" + attachment.get("id").asText()).expect(200)
                .raw().body(), StandardCharsets.UTF_8);
        assertEquals(6, attached.lines().count(), attached);
        String everything = job.api().get("/tickets/" + id).expect(200).body()
                + job.api().get("/tickets?status=all").expect(200).body() + attached;
        for (String secret : SECRETS) {
            assertFalse(everything.contains(secret), "leaked " + secret + " in " + everything);
        }
        assertTrue(everything.contains("[redacted]"), everything);
    }

    @Test
    void a_repeat_failure_of_the_same_job_adds_a_message_to_the_open_ticket_and_exits_0() throws Exception {
        Job job = Job.in(GITHUB, "ci-group");
        String id = job.cli().ok("new", "--from-ci", "--log", failingLog(3).toString(), "-q").strip();
        job.cli().env("GITHUB_RUN_ID", "8123456790");
        CliHarness.Result again = job.cli().run("new", "--from-ci", "--log", failingLog(7).toString());
        assertEquals(0, again.exit(), again.toString());
        assertTrue(again.out().startsWith("Added to open ticket #" + id), again.out());
        assertEquals(List.of(id), job.ids());
        JsonNode messages = job.ticket(id).get("messages");
        assertEquals(2, messages.size());
        assertEquals(1, messages.get(1).get("attachments").size());
        JsonNode json = Json.mapper().readTree(job.cli().ok("new", "--from-ci", "--json", "--log",
                failingLog(9).toString()));
        assertTrue(json.get("deduplicated").asBoolean(), json.toString());
    }

    @Test
    void a_re_run_of_the_same_step_sends_nothing_twice() throws Exception {
        Job job = Job.in(GITLAB, "ci-rerun");
        String log = failingLog(3).toString();
        String id = job.cli().ok("new", "--from-ci", "--log", log, "-q");
        job.cli().env("CI_JOB_ID", "4712");
        assertEquals(id, job.cli().ok("new", "--from-ci", "--log", log, "-q"));
        assertEquals(1, job.ticket(id).get("messages").size());
    }

    @Test
    void when_the_grouped_ticket_is_done_a_new_ticket_refers_to_it() throws Exception {
        Job job = Job.in(GITHUB, "ci-done");
        String first = job.cli().ok("new", "--from-ci", "--fingerprint", "nightly-db", "-q").strip();
        job.cli().ok("close", first);
        job.cli().env("GITHUB_RUN_ID", "8123456799");
        CliHarness.Result r = job.cli().run("new", "--from-ci", "--fingerprint", "nightly-db");
        assertEquals(0, r.exit(), r.toString());
        String second = job.ids().get(0);
        assertNotEquals(first, second);
        assertEquals(first, job.ticket(second).get("refs").get(0).asText());
        assertTrue(r.out().contains("#" + first + ", which is done"), r.out());
    }

    @Test
    void from_ci_outside_ci_is_exit_2_and_ci_true_forces_it() {
        Job job = Job.in(Map.of(), "ci-none");
        CliHarness.Result r = job.cli().run("new", "--from-ci");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("found no CI") && r.err().contains("CI=true"), r.err());
        assertEquals(List.of(), job.ids());
        String id = job.cli().env("CI", "true").ok("new", "--from-ci", "-q").strip();
        assertEquals("CI failure: ci", job.ticket(id).get("title").asText());
    }

    @Test
    void ci_options_without_from_ci_and_unreadable_logs_are_exit_2() {
        Job job = Job.in(GITHUB, "ci-usage");
        assertEquals(2, job.cli().run("new", "-t", "x", "-m", "y", "--log", "build.log").exit());
        CliHarness.Result missing = job.cli().run("new", "--from-ci", "--log", dir.resolve("nope.log").toString());
        assertEquals(2, missing.exit(), missing.toString());
        assertTrue(missing.err().contains("cannot read the log"), missing.err());
        assertEquals(2, job.cli().run("new", "--from-ci", "--tail", "-1").exit());
        assertEquals(List.of(), job.ids());
    }

    @Test
    void from_ci_never_prompts_even_on_a_terminal() {
        Job job = Job.in(GITHUB, "ci-tty");
        job.cli().tty(true);
        String id = job.cli().ok("new", "--from-ci", "-q").strip();
        assertEquals("CI failure: CI / test on main", job.ticket(id).get("title").asText());
    }
}
