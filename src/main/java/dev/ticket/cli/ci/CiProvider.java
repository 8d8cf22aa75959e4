package dev.ticket.cli.ci;

/** The CI systems whose environment {@link CiDetector} understands. */
public enum CiProvider {
    GITHUB_ACTIONS("GitHub Actions"),
    GITLAB_CI("GitLab CI"),
    JENKINS("Jenkins"),
    GENERIC("CI");

    private final String displayName;

    CiProvider(String displayName) {
        this.displayName = displayName;
    }

    /** The name people know it by, for the ticket body. */
    public String displayName() {
        return displayName;
    }
}
