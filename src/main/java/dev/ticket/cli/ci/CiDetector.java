package dev.ticket.cli.ci;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads a CI job's environment variables: GitHub Actions, GitLab CI, Jenkins, or any CI that sets {@code CI=true}. */
public final class CiDetector {
    /** Names whose values are treated as secrets (GITHUB_TOKEN, CI_JOB_TOKEN, CI_REGISTRY_PASSWORD, AWS_SECRET_ACCESS_KEY...). */
    static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(token|secret|passw(or)?d|passphrase|[_.-]pwd|credential|key|jwt|cookie|private|auth(?!or)).*");
    /** Shorter values, or values like these, would blank out ordinary words all over the log. */
    static final int MIN_SECRET_LENGTH = 6;
    private static final Set<String> NOT_SECRET = Set.of("enabled", "disabled", "required", "optional", "always",
            "never", "default", "unknown", "undefined");

    private CiDetector() {
    }

    /** The CI environment described by {@code env}, or empty when it is not a CI job. */
    public static Optional<CiEnvironment> detect(Map<String, String> env) {
        Set<String> secrets = secretValues(env);
        if (isTrue(env.get("GITHUB_ACTIONS"))) {
            return Optional.of(github(env, secrets));
        }
        if (isTrue(env.get("GITLAB_CI"))) {
            return Optional.of(gitlab(env, secrets));
        }
        if (present(env.get("JENKINS_URL")) || present(env.get("JENKINS_HOME")) && present(env.get("BUILD_ID"))) {
            return Optional.of(jenkins(env, secrets));
        }
        if (isTrue(env.get("CI"))) {
            return Optional.of(generic(env, secrets));
        }
        return Optional.empty();
    }

    /** The values of variables whose names look secret, multi-line values also line by line. */
    public static Set<String> secretValues(Map<String, String> env) {
        Set<String> values = new HashSet<>();
        env.forEach((name, value) -> {
            if (name != null && value != null && SECRET_NAME.matcher(name).matches()) {
                addSecret(values, value);
                value.lines().forEach(line -> addSecret(values, line));
            }
        });
        return values;
    }

    private static void addSecret(Set<String> values, String value) {
        String trimmed = value.trim();
        if (trimmed.length() >= MIN_SECRET_LENGTH && !NOT_SECRET.contains(trimmed.toLowerCase(Locale.ROOT))) {
            values.add(trimmed);
        }
    }

    private static CiEnvironment github(Map<String, String> env, Set<String> secrets) {
        String workflow = env.get("GITHUB_WORKFLOW");
        String jobId = env.get("GITHUB_JOB");
        String job = present(workflow) && present(jobId) ? workflow + " / " + jobId : first(env, "GITHUB_JOB",
                "GITHUB_WORKFLOW");
        String branch = first(env, "GITHUB_HEAD_REF", "GITHUB_REF_NAME");
        if (branch == null) {
            branch = stripPrefix(env.get("GITHUB_REF"), "refs/heads/");
        }
        String repository = env.get("GITHUB_REPOSITORY");
        String runUrl = null;
        if (present(repository) && present(env.get("GITHUB_RUN_ID"))) {
            String server = present(env.get("GITHUB_SERVER_URL")) ? env.get("GITHUB_SERVER_URL") : "https://github.com";
            runUrl = server + "/" + repository + "/actions/runs/" + env.get("GITHUB_RUN_ID");
        }
        return new CiEnvironment(CiProvider.GITHUB_ACTIONS, job, repository, branch, env.get("GITHUB_SHA"), runUrl,
                secrets);
    }

    private static CiEnvironment gitlab(Map<String, String> env, Set<String> secrets) {
        return new CiEnvironment(CiProvider.GITLAB_CI, env.get("CI_JOB_NAME"), env.get("CI_PROJECT_PATH"),
                first(env, "CI_COMMIT_BRANCH", "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME", "CI_COMMIT_REF_NAME"),
                env.get("CI_COMMIT_SHA"), first(env, "CI_JOB_URL", "CI_PIPELINE_URL"), secrets);
    }

    private static CiEnvironment jenkins(Map<String, String> env, Set<String> secrets) {
        String branch = first(env, "CHANGE_BRANCH", "BRANCH_NAME");
        if (branch == null) {
            branch = stripPrefix(stripPrefix(env.get("GIT_BRANCH"), "refs/heads/"), "origin/");
        }
        return new CiEnvironment(CiProvider.JENKINS, first(env, "JOB_NAME", "JOB_BASE_NAME"), env.get("GIT_URL"),
                branch, env.get("GIT_COMMIT"), env.get("BUILD_URL"), secrets);
    }

    private static CiEnvironment generic(Map<String, String> env, Set<String> secrets) {
        return new CiEnvironment(CiProvider.GENERIC,
                first(env, "CI_JOB_NAME", "JOB_NAME", "BUILDKITE_LABEL", "CIRCLE_JOB", "DRONE_STEP_NAME"),
                first(env, "CI_REPO", "CI_PROJECT_PATH", "BUILDKITE_REPO", "DRONE_REPO", "TRAVIS_REPO_SLUG"),
                first(env, "CI_BRANCH", "CI_COMMIT_REF_NAME", "BRANCH_NAME", "BUILDKITE_BRANCH", "CIRCLE_BRANCH",
                        "DRONE_BRANCH", "TRAVIS_BRANCH", "GIT_BRANCH"),
                first(env, "CI_COMMIT_SHA", "CI_COMMIT", "GIT_COMMIT", "BUILDKITE_COMMIT", "CIRCLE_SHA1",
                        "DRONE_COMMIT", "TRAVIS_COMMIT"),
                first(env, "CI_JOB_URL", "CI_BUILD_URL", "BUILD_URL", "BUILDKITE_BUILD_URL", "CIRCLE_BUILD_URL",
                        "DRONE_BUILD_LINK", "TRAVIS_JOB_WEB_URL"),
                secrets);
    }

    private static String first(Map<String, String> env, String... names) {
        for (String name : names) {
            if (present(env.get(name))) {
                return env.get(name).trim();
            }
        }
        return null;
    }

    private static String stripPrefix(String value, String prefix) {
        if (!present(value)) {
            return null;
        }
        return value.startsWith(prefix) ? value.substring(prefix.length()) : value;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static boolean isTrue(String value) {
        return value != null && Set.of("true", "1", "yes").contains(value.trim().toLowerCase(Locale.ROOT));
    }
}
