package dev.ticket.cli.ci;

import java.util.Objects;
import java.util.Set;

/**
 * What a CI job says about itself: where the failure happened and which values must never leave the machine.
 * {@code job} is never null; {@code repository}, {@code branch}, {@code commit} and {@code runUrl} may be.
 * {@code secrets} are the values of the job's secret-looking variables, for {@link Redactor}.
 */
public record CiEnvironment(CiProvider provider, String job, String repository, String branch, String commit,
                            String runUrl, Set<String> secrets) {

    public CiEnvironment {
        Objects.requireNonNull(provider, "provider");
        job = job == null || job.isBlank() ? "ci" : job.trim();
        secrets = secrets == null ? Set.of() : Set.copyOf(secrets);
    }

    /** Never prints the secret values, so an accidental log line cannot leak them. */
    @Override
    public String toString() {
        return "CiEnvironment[provider=" + provider + ", job=" + job + ", repository=" + repository
                + ", branch=" + branch + ", commit=" + commit + ", runUrl=" + runUrl
                + ", secrets=" + secrets.size() + " hidden]";
    }
}
