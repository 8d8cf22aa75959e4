package dev.ticket.cli.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Environments recorded from real jobs of each CI (trimmed; secret values replaced by fakes). */
class CiDetectorTest {
    static final String SHA = "4fd153c0a1b2c3d4e5f60718293a4b5c6d7e8f90";

    static final Map<String, String> GITHUB_PUSH = env(
            "CI", "true", "GITHUB_ACTIONS", "true", "GITHUB_WORKFLOW", "CI", "GITHUB_JOB", "test",
            "GITHUB_REF", "refs/heads/main", "GITHUB_REF_NAME", "main", "GITHUB_HEAD_REF", "", "GITHUB_SHA", SHA,
            "GITHUB_REPOSITORY", "acme/shop", "GITHUB_RUN_ID", "8123456789", "GITHUB_RUN_ATTEMPT", "1",
            "GITHUB_SERVER_URL", "https://github.com", "GITHUB_TOKEN", PlantedSecrets.GITHUB_APP,
            "ACTIONS_RUNTIME_TOKEN", PlantedSecrets.JWT, "RUNNER_OS", "Linux", "HOME", "/home/runner",
            "PWD", "/home/runner/work/shop/shop");
    static final Map<String, String> GITHUB_PULL_REQUEST = with(GITHUB_PUSH, "GITHUB_REF", "refs/pull/42/merge",
            "GITHUB_REF_NAME", "42/merge", "GITHUB_HEAD_REF", "feature/login", "GITHUB_SERVER_URL", "");
    static final Map<String, String> GITLAB_MERGE_REQUEST = env(
            "CI", "true", "GITLAB_CI", "true", "CI_JOB_NAME", "unit tests", "CI_PROJECT_PATH", "acme/shop",
            "CI_COMMIT_REF_NAME", "feature/login", "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME", "feature/login",
            "CI_COMMIT_SHA", SHA, "CI_JOB_URL", "https://gitlab.example.com/acme/shop/-/jobs/4711",
            "CI_PIPELINE_URL", "https://gitlab.example.com/acme/shop/-/pipelines/900",
            "CI_JOB_TOKEN", "64_gDfXk9QmZtR2wY7", "CI_REGISTRY_PASSWORD", "64_gDfXk9QmZtR2wY7",
            "CI_REPOSITORY_URL", "https://gitlab-ci-token:64_gDfXk9QmZtR2wY7@gitlab.example.com/acme/shop.git",
            "DEPLOY_SECRET", PlantedSecrets.KNOWN_VALUE);
    static final Map<String, String> GITLAB_BRANCH = with(GITLAB_MERGE_REQUEST,
            "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME", null, "CI_COMMIT_BRANCH", "main", "CI_COMMIT_REF_NAME", "main");
    static final Map<String, String> JENKINS_FREESTYLE = env(
            "JENKINS_URL", "https://ci.example.com/", "JENKINS_HOME", "/var/jenkins_home", "BUILD_ID", "57",
            "JOB_NAME", "shop-nightly", "BUILD_URL", "https://ci.example.com/job/shop-nightly/57/",
            "GIT_BRANCH", "origin/main", "GIT_COMMIT", SHA, "GIT_URL", "https://github.com/acme/shop.git");
    static final Map<String, String> JENKINS_PULL_REQUEST = with(JENKINS_FREESTYLE, "JOB_NAME", "shop/PR-42",
            "BRANCH_NAME", "PR-42", "CHANGE_BRANCH", "feature/login", "GIT_BRANCH", "PR-42",
            "BUILD_URL", "https://ci.example.com/job/shop/job/PR-42/3/");
    static final Map<String, String> BUILDKITE = env("CI", "true", "BUILDKITE", "true",
            "BUILDKITE_LABEL", ":hammer: build", "BUILDKITE_REPO", "git@github.com:acme/shop.git",
            "BUILDKITE_BRANCH", "main", "BUILDKITE_COMMIT", SHA,
            "BUILDKITE_BUILD_URL", "https://buildkite.com/acme/shop/builds/12", "BUILDKITE_AGENT_ACCESS_TOKEN",
            "bkagent_0123456789abcdef");
    static final Map<String, String> BARE_CI = env("CI", "1", "HOME", "/root");

    record Recorded(String situation, Map<String, String> env, CiProvider provider, String job, String repository,
                    String branch, String commit, String runUrl) {
        @Override
        public String toString() {
            return situation;
        }
    }

    static Stream<Recorded> recorded() {
        return Stream.of(
                new Recorded("github push names workflow and job", GITHUB_PUSH, CiProvider.GITHUB_ACTIONS,
                        "CI / test", "acme/shop", "main", SHA, "https://github.com/acme/shop/actions/runs/8123456789"),
                new Recorded("github pull request takes the head branch", GITHUB_PULL_REQUEST,
                        CiProvider.GITHUB_ACTIONS, "CI / test", "acme/shop", "feature/login", SHA,
                        "https://github.com/acme/shop/actions/runs/8123456789"),
                new Recorded("gitlab merge request takes the source branch", GITLAB_MERGE_REQUEST,
                        CiProvider.GITLAB_CI, "unit tests", "acme/shop", "feature/login", SHA,
                        "https://gitlab.example.com/acme/shop/-/jobs/4711"),
                new Recorded("gitlab branch pipeline", GITLAB_BRANCH, CiProvider.GITLAB_CI, "unit tests",
                        "acme/shop", "main", SHA, "https://gitlab.example.com/acme/shop/-/jobs/4711"),
                new Recorded("jenkins freestyle drops the remote from the branch", JENKINS_FREESTYLE,
                        CiProvider.JENKINS, "shop-nightly", "https://github.com/acme/shop.git", "main", SHA,
                        "https://ci.example.com/job/shop-nightly/57/"),
                new Recorded("jenkins pull request takes the change branch", JENKINS_PULL_REQUEST,
                        CiProvider.JENKINS, "shop/PR-42", "https://github.com/acme/shop.git", "feature/login", SHA,
                        "https://ci.example.com/job/shop/job/PR-42/3/"),
                new Recorded("generic ci reads common variables", BUILDKITE, CiProvider.GENERIC, ":hammer: build",
                        "git@github.com:acme/shop.git", "main", SHA, "https://buildkite.com/acme/shop/builds/12"),
                new Recorded("bare ci true still makes a job called ci", BARE_CI, CiProvider.GENERIC, "ci",
                        null, null, null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recorded")
    void detects_where_the_failure_happened(Recorded row) {
        CiEnvironment env = CiDetector.detect(row.env()).orElseThrow();
        assertEquals(List.of(row.provider(), row.job(), String.valueOf(row.repository()), String.valueOf(row.branch()),
                        String.valueOf(row.commit()), String.valueOf(row.runUrl())),
                List.of(env.provider(), env.job(), String.valueOf(env.repository()), String.valueOf(env.branch()),
                        String.valueOf(env.commit()), String.valueOf(env.runUrl())));
    }

    @Test
    void outside_ci_nothing_is_detected() {
        assertTrue(CiDetector.detect(env("HOME", "/home/jane", "PATH", "/usr/bin")).isEmpty());
        assertTrue(CiDetector.detect(env("CI", "false")).isEmpty());
    }

    @Test
    void values_of_secret_looking_variables_are_known_secrets() {
        assertEquals(Set.of(PlantedSecrets.GITHUB_APP, PlantedSecrets.JWT),
                CiDetector.detect(GITHUB_PUSH).orElseThrow().secrets());
        assertEquals(Set.of("64_gDfXk9QmZtR2wY7", PlantedSecrets.KNOWN_VALUE),
                CiDetector.detect(GITLAB_MERGE_REQUEST).orElseThrow().secrets());
    }

    @Test
    void short_flag_like_and_path_values_are_not_treated_as_secrets() {
        Set<String> secrets = CiDetector.secretValues(env("SKIP_KEY_CHECK", "true", "SECRET_SCANNING", "disabled",
                "PWD", "/home/runner", "OLDPWD", "/tmp", "GIT_AUTHOR_NAME", "Jane Doe", "NPM_TOKEN", "abc",
                "DB_PASSWORD", "hunter22"));
        assertEquals(Set.of("hunter22"), secrets);
    }

    @Test
    void a_multi_line_secret_is_known_line_by_line_too() {
        Set<String> secrets = CiDetector.secretValues(env("SSH_PRIVATE_KEY",
                "-----BEGIN OPENSSH PRIVATE KEY-----\n" + PlantedSecrets.KEY_BODY_1 + "\n-----END OPENSSH PRIVATE KEY-----"));
        assertTrue(secrets.contains(PlantedSecrets.KEY_BODY_1), secrets.toString());
    }

    @Test
    void printing_an_environment_never_shows_its_secrets() {
        String printed = CiDetector.detect(GITHUB_PUSH).orElseThrow().toString();
        assertFalse(printed.contains(PlantedSecrets.GITHUB_APP), printed);
        assertTrue(printed.contains("secrets=2 hidden"), printed);
    }

    static Map<String, String> env(String... pairs) {
        return with(Map.of(), pairs);
    }

    /** {@code base} with the pairs set; a null value removes the variable. */
    static Map<String, String> with(Map<String, String> base, String... pairs) {
        Map<String, String> env = new HashMap<>(base);
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                env.remove(pairs[i]);
            } else {
                env.put(pairs[i], pairs[i + 1]);
            }
        }
        return env;
    }
}
